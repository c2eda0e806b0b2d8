using Samverkan.Contracts.Sip.V1;
using Samverkan.Portal.Display;

namespace Samverkan.Portal.Forms;

// Kalla/bjud in: when and how the SIP meeting is held. No place is ever recorded for a person with
// protected identity (the place can locate them).
public sealed class SipInvitationForm
{
    public DateTime? MeetingAt { get; set; }
    public bool Digital { get; set; }
    public string MeetingPlace { get; set; } = "";
    public string RequestId { get; set; } = Guid.NewGuid().ToString();

    public Dictionary<string, string> Validate(DateTimeOffset now, bool protectedIdentity)
    {
        var errors = new Dictionary<string, string>();
        var localNow = SwedishTime.Local(now).DateTime;
        if (MeetingAt is not { } at) errors["mote-tid"] = "Fyll i datum och klockslag för SIP-mötet.";
        else if (at <= localNow) errors["mote-tid"] = "Mötet ska ligga efter nu, när kallelserna skickas.";
        else if (at > localNow.AddYears(1)) errors["mote-tid"] = "Mötet kan ligga högst ett år fram. Kontrollera årtalet.";
        if (protectedIdentity)
        {
            if (MeetingPlace.Trim().Length > 0) errors["mote-plats"] = "Personen har skyddad identitet: skriv ingen mötesplats här. Meddela platsen på annat säkert sätt.";
        }
        else if (!Digital)
        {
            SipRules.Required(errors, "mote-plats", MeetingPlace, SipRules.Name, "Fyll i var mötet hålls, eller markera att det är digitalt.");
        }
        else
        {
            SipRules.Bounded(errors, "mote-plats", MeetingPlace, SipRules.Name);
        }
        return errors;
    }

    public SendInvitationsRequest ToRequest(Plan plan, DateTimeOffset now) => new()
    {
        RequestId = RequestId,
        PlanId = plan.PlanId,
        ExpectedVersion = plan.Version,
        SentAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now),
        MeetingAt = SwedishTime.ToTimestamp(MeetingAt!.Value),
        Digital = Digital,
        MeetingPlace = MeetingPlace.Trim(),
    };
}
