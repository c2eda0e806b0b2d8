using Microsoft.AspNetCore.Components;
using Samverkan.Contracts.Sip.V1;
using Samverkan.Portal.Components.Shared;
using Samverkan.Portal.Drafts;
using Samverkan.Portal.Display;
using Samverkan.Portal.Gateway;
using Samverkan.SharedKernel.Directory;

namespace Samverkan.Portal.Components.Sip;

// One step of the plan page (consent, participants, meeting, ...): it gets the plan as last read,
// calls the service for its step and tells the page what was done, so the page re-reads the plan.
// What is typed lives in a draft per user, plan and step (DraftStore).
public abstract class SipStep : PortalPage
{
    [Inject] protected SipCalls Sip { get; set; } = null!;

    [Inject] protected DraftStore Drafts { get; set; } = null!;

    [Inject] protected UnitDirectory Directory { get; set; } = null!;

    [Parameter, EditorRequired] public Plan Plan { get; set; } = null!;

    // Called with the confirmation to show after a step succeeded.
    [Parameter, EditorRequired] public EventCallback<string> Done { get; set; }

    protected string Subject { get; private set; } = "";

    protected string OrganisationCode { get; private set; } = "";

    protected string UnitId { get; private set; } = "";

    protected string PagePath => "sip/plan/" + Plan.PlanId;

    protected string DraftKey(string step) => $"sip-{step}:{Plan.PlanId}";

    protected DateOnly Today => SwedishTime.Today(Time);

    protected override async Task OnInitializedAsync()
    {
        var user = await Session.UserAsync();
        Subject = await Session.SubjectAsync();
        OrganisationCode = user.FindFirst(Authentication.PortalClaims.OrganisationCode)?.Value ?? "";
        UnitId = user.FindFirst(Authentication.PortalClaims.Unit)?.Value ?? "";
        OpenDrafts();
    }

    protected abstract void OpenDrafts();

    // True from a step's call until the page has re-read the plan: no second step may start on
    // the plan as it was before (its version would be stale).
    protected bool Working => Busy || _stepping;

    private bool _stepping;

    // Runs the step's call; on success tells the page (which re-reads the plan).
    protected async Task<bool> StepAsync(string done, Func<Task> call)
    {
        _stepping = true;
        try
        {
            if (!await RunAsync(call)) return false;
            await Done.InvokeAsync(done);
            return true;
        }
        finally
        {
            _stepping = false;
        }
    }

    // Principal organisations summoned to the plan (the parties that answer for interventions).
    protected IEnumerable<string> PrincipalOrganisations =>
        Plan.Participants.Where(p => p.Role == ParticipantRole.Principal).Select(p => p.Organisation?.Code ?? "").Where(c => c.Length > 0).Distinct();
}
