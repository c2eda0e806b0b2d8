using Samverkan.Contracts.Sip.V1;
using Samverkan.Portal.Display;

namespace Samverkan.Portal.Forms;

// Samtycke: who gave it, to which organisations, for what, from when (and until when).
public sealed class SipConsentForm
{
    public ConsentGiver Giver { get; set; } = ConsentGiver.Individual;
    public ConsentForm Form { get; set; } = ConsentForm.Written;
    public HashSet<string> Organisations { get; } = [];
    public bool Participation { get; set; } = true;
    public bool InformationSharing { get; set; } = true;
    public DateTime? GivenAt { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public string RequestId { get; set; } = Guid.NewGuid().ToString();

    public Dictionary<string, string> Validate(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>();
        if (Organisations.Count == 0) errors["samtycke-organisationer"] = "Markera de huvudmän (kommun, region) som personen samtycker till.";
        else if (Organisations.Count > 16) errors["samtycke-organisationer"] = "Högst 16 organisationer per samtycke.";
        if (!Participation && !InformationSharing) errors["samtycke-syften"] = "Markera vad personen samtycker till.";
        var localNow = SwedishTime.Local(now).DateTime;
        AdmissionForm.PastTime(errors, "samtycke-givet", GivenAt, localNow, "Fyll i när samtycket gavs.", "Samtycket kan inte ha getts i framtiden.");
        if (ValidUntil is { } until && GivenAt is { } given)
        {
            if (until <= DateOnly.FromDateTime(given)) errors["samtycke-till"] = "Slutdatumet ska ligga efter den dag samtycket gavs.";
            else if (until > DateOnly.FromDateTime(given).AddYears(5)) errors["samtycke-till"] = "Ett samtycke gäller högst fem år. Kontrollera årtalet.";
        }
        return errors;
    }

    public RecordConsentRequest ToRequest(Plan plan)
    {
        var consent = new ConsentInput
        {
            Giver = Giver,
            Form = Form,
            GivenAt = SwedishTime.ToTimestamp(GivenAt!.Value),
            ValidUntil = ValidUntil is { } until ? SwedishTime.ToTimestamp(until.ToDateTime(new TimeOnly(23, 59))) : null,
        };
        consent.Organisations.AddRange(Organisations.Order(StringComparer.Ordinal));
        if (Participation) consent.Purposes.Add(ConsentPurpose.Participation);
        if (InformationSharing) consent.Purposes.Add(ConsentPurpose.InformationSharing);
        return new RecordConsentRequest { RequestId = RequestId, PlanId = plan.PlanId, ExpectedVersion = plan.Version, Consent = consent };
    }
}
