using Samverkan.Contracts.Sip.V1;
using Samverkan.Portal.Display;

namespace Samverkan.Portal.Forms;

// Följ upp: scheduling a follow-up, and recording one: how every intervention of the agreed
// version went (a reason when it was not done) and, if any, the next follow-up date.
public sealed class SipFollowUpForm
{
    public sealed class OutcomeRow
    {
        public string InterventionId { get; set; } = "";
        public string Description { get; set; } = "";
        public OutcomeStatus Status { get; set; } = OutcomeStatus.Unspecified;
        public string Reason { get; set; } = "";
    }

    public DateOnly? ScheduleDate { get; set; }
    public DateTime? HeldAt { get; set; }
    public List<OutcomeRow> Outcomes { get; } = [];
    public DateOnly? NextDate { get; set; }
    public string ScheduleRequestId { get; set; } = Guid.NewGuid().ToString();
    public string RecordRequestId { get; set; } = Guid.NewGuid().ToString();

    // One outcome row per intervention of the current version (kept when already filled in).
    public void Align(PlanVersion? current)
    {
        if (current is null) return;
        var ids = current.Content.Interventions.Select(i => i.InterventionId).ToList();
        Outcomes.RemoveAll(o => !ids.Contains(o.InterventionId));
        foreach (var intervention in current.Content.Interventions.Where(i => Outcomes.All(o => o.InterventionId != i.InterventionId)))
        {
            Outcomes.Add(new OutcomeRow { InterventionId = intervention.InterventionId, Description = intervention.Description });
        }
    }

    public Dictionary<string, string> ValidateSchedule(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        SipRules.FollowUpDate(errors, "ny-uppfoljning", ScheduleDate, today, required: true);
        return errors;
    }

    public Dictionary<string, string> ValidateRecord(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>();
        AdmissionForm.PastTime(errors, "uppfoljning-hallen", HeldAt, SwedishTime.Local(now).DateTime,
            "Fyll i när uppföljningen hölls.", "Uppföljningen kan inte registreras innan den har hållits.");
        for (var i = 0; i < Outcomes.Count; i++)
        {
            var row = Outcomes[i];
            if (row.Status == OutcomeStatus.Unspecified) errors[$"utfall-{i + 1}"] = $"Ange hur insatsen \"{Short(row.Description)}\" har gått.";
            if (row.Status == OutcomeStatus.NotDone) SipRules.Required(errors, $"utfall-{i + 1}-orsak", row.Reason, SipRules.ShortText, "Skriv varför insatsen inte blev genomförd.");
            else SipRules.Bounded(errors, $"utfall-{i + 1}-orsak", row.Reason, SipRules.ShortText);
        }
        SipRules.FollowUpDate(errors, "nasta-uppfoljning", NextDate, DateOnly.FromDateTime(SwedishTime.Local(now).DateTime), required: false);
        return errors;
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public ScheduleFollowUpRequest ToScheduleRequest(Plan plan) => new()
    {
        RequestId = ScheduleRequestId, PlanId = plan.PlanId, ExpectedVersion = plan.Version, Date = SwedishTime.ToDate(ScheduleDate!.Value),
    };

    public RecordFollowUpRequest ToRecordRequest(Plan plan)
    {
        var request = new RecordFollowUpRequest
        {
            RequestId = RecordRequestId,
            PlanId = plan.PlanId,
            ExpectedVersion = plan.Version,
            HeldAt = SwedishTime.ToTimestamp(HeldAt!.Value),
            NextFollowUpDate = NextDate is { } next ? SwedishTime.ToDate(next) : null,
        };
        request.Outcomes.AddRange(Outcomes.Select(o => new InterventionOutcome { InterventionId = o.InterventionId, Status = o.Status, Reason = o.Reason.Trim() }));
        return request;
    }
}
