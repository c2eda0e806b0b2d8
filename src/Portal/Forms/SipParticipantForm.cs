using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Sip.V1;

namespace Samverkan.Portal.Forms;

// Förbered: a participant to summon (a principal's unit) or invite (another actor, a relative).
public sealed class SipParticipantForm
{
    public ParticipantRole Role { get; set; } = ParticipantRole.Principal;
    public string UnitId { get; set; } = "";
    public OtherActorKind OtherActor { get; set; } = OtherActorKind.Unspecified;
    public string Name { get; set; } = "";
    public string RequestId { get; set; } = Guid.NewGuid().ToString();

    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (Role == ParticipantRole.Principal && UnitId.Length == 0) errors["deltagare-enhet"] = "Välj vilken enhet som ska kallas.";
        if (Role == ParticipantRole.OtherActor && OtherActor == OtherActorKind.Unspecified) errors["deltagare-aktor"] = "Välj vilken aktör som bjuds in.";
        if (Role != ParticipantRole.Principal) SipRules.Bounded(errors, "deltagare-namn", Name, SipRules.Name);
        return errors;
    }

    public AddParticipantRequest ToRequest(Plan plan) => new()
    {
        RequestId = RequestId,
        PlanId = plan.PlanId,
        ExpectedVersion = plan.Version,
        // The request id doubles as the participant's id in the plan: unique, and a retry adds one.
        ParticipantId = "p-" + RequestId[..8],
        Role = Role,
        Unit = Role == ParticipantRole.Principal ? new UnitRef { Id = UnitId } : null,
        OtherActor = Role == ParticipantRole.OtherActor ? OtherActor : OtherActorKind.Unspecified,
        Name = Role == ParticipantRole.Principal ? "" : Name.Trim(),
    };

    // Ready for the next participant.
    public void Reset()
    {
        RequestId = Guid.NewGuid().ToString();
        UnitId = "";
        Name = "";
        OtherActor = OtherActorKind.Unspecified;
    }
}
