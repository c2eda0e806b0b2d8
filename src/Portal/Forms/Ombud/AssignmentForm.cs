using Samverkan.Contracts.Ombud.V1;
using Samverkan.Portal.Display;

namespace Samverkan.Portal.Forms.Ombud;

// Opening an assignment (uppdrag) on the client's own mandate. The client must be 18 or older on
// the day of the mandate; the service checks the same rules again.
public sealed class AssignmentForm
{
    public const int MaxName = 100, MaxPhone = 40, MaxGoal = 1_000;

    public string PersonalIdentityNumber { get; set; } = "";
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public string Phone { get; set; } = "";
    public bool ProtectedIdentity { get; set; }
    public DateOnly? MandateOn { get; set; }
    public MandateForm MandateForm { get; set; } = MandateForm.Verbal;
    public HashSet<Area> Areas { get; } = [];
    public string FirstGoal { get; set; } = "";

    public string RequestId { get; } = Guid.NewGuid().ToString();

    public Dictionary<string, string> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (PersonnummerRule.Check(PersonalIdentityNumber, out var number) is { } pnr) errors["personnummer"] = pnr;
        else if (number!.DatePart.AddYears(18) > (MandateOn ?? today)) errors["personnummer"] = "Klienten är under 18 år. Personligt ombud är för vuxna.";
        Name(errors, "fornamn", GivenName, "Fyll i klientens förnamn.");
        Name(errors, "efternamn", FamilyName, "Fyll i klientens efternamn.");
        if (Phone.Length > MaxPhone) errors["telefon"] = $"Högst {MaxPhone} tecken.";
        FieldRules.PastDate(errors, "uppdrag-datum", MandateOn, today, "Fyll i vilken dag klienten gav uppdraget.");
        if (FirstGoal.Length > MaxGoal) errors["mal"] = $"Högst {MaxGoal} tecken; nu {FirstGoal.Length}.";
        return errors;
    }

    private static void Name(Dictionary<string, string> errors, string field, string value, string missing)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = missing;
        else if (value.Length > MaxName) errors[field] = $"Högst {MaxName} tecken.";
    }

    public OpenAssignmentRequest ToRequest(string municipalityCode, DateTimeOffset now)
    {
        PersonnummerRule.Check(PersonalIdentityNumber, out var number);
        var request = new OpenAssignmentRequest
        {
            RequestId = RequestId,
            Municipality = new Contracts.Common.V1.OrganisationRef { Code = municipalityCode },
            Client = new Client
            {
                PersonalIdentityNumber = new Contracts.Common.V1.PersonalIdentityNumber { Value = number!.Value },
                GivenName = GivenName.Trim(),
                FamilyName = FamilyName.Trim(),
                Phone = Phone.Trim(),
                ProtectedIdentity = ProtectedIdentity,
            },
            Mandate = new Mandate { GivenAt = OmbudTime.DayAt(MandateOn!.Value, now), Form = MandateForm },
        };
        request.Areas.AddRange(Areas.Order());
        if (!string.IsNullOrWhiteSpace(FirstGoal)) request.Goals.Add(FirstGoal.Trim());
        return request;
    }
}

// Days typed in the PO forms as the instants the contract asks for: today means now (a time later
// today would be "in the future"), an earlier day means noon of that day in Swedish time.
public static class OmbudTime
{
    public static Google.Protobuf.WellKnownTypes.Timestamp DayAt(DateOnly day, DateTimeOffset now) =>
        day >= DateOnly.FromDateTime(SwedishTime.Local(now).DateTime)
            ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now)
            : SwedishTime.ToTimestamp(day.ToDateTime(new TimeOnly(12, 0)));
}
