using Samverkan.RelativeSupport.Domain.Catalogue;
using Samverkan.RelativeSupport.Domain.Referrals;
using Samverkan.RelativeSupport.Domain.Relatives;
using Samverkan.RelativeSupport.Domain.Statistics;
using Proto = Samverkan.Contracts.Relatives.V1;

namespace Samverkan.RelativeSupport.Grpc.Mapping;

// Contract messages <-> domain. Enum values are mapped by name, every value listed; an
// unspecified or unknown value is INVALID_ARGUMENT naming the field.
public static class RelativeMapper
{
    public const int MaxIdLength = 64;

    public static string Id(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) || value.Length > MaxIdLength
            ? throw RuleViolation.Invalid(field, $"{field} is required (at most {MaxIdLength} characters).")
            : value.Trim();

    public static Func<DateOnly, RelativeDetails> Details(Proto.RelativeDetails? d) => today =>
        d is null
            ? throw RuleViolation.Invalid("relative", "relative is required.")
            : RelativeDetails.Create(d.GivenName, d.FamilyName, d.PersonalIdentityNumber, d.BirthYear, ToDomain(d.Sex), d.Phone, d.Email, d.IsChild, today);

    public static CaredForPerson CaredFor(Proto.CaredForPerson? c) =>
        c is null ? CaredForPerson.Unknown : CaredForPerson.Create(c.KnownToPlatform, c.PersonalIdentityNumber, c.IdentityNeededReason);

    public static DateOnly Date(Google.Type.Date? date, string field)
    {
        if (date is null || date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            throw RuleViolation.Invalid(field, $"{field} is required: a full calendar date (year, month, day).");
        }
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    public static Google.Type.Date? ToProto(DateOnly? date) => date is { } d ? new Google.Type.Date { Year = d.Year, Month = d.Month, Day = d.Day } : null;

    public static Sex ToDomain(Proto.Sex sex) => sex switch
    {
        Proto.Sex.Unspecified => Sex.Unknown,
        Proto.Sex.Female => Sex.Female,
        Proto.Sex.Male => Sex.Male,
        _ => throw RuleViolation.Invalid("relative.sex", "relative.sex is not a known value."),
    };

    public static Relationship ToDomain(Proto.Relationship relationship) => relationship switch
    {
        Proto.Relationship.Partner => Relationship.Partner,
        Proto.Relationship.Parent => Relationship.Parent,
        Proto.Relationship.Child => Relationship.Child,
        Proto.Relationship.Sibling => Relationship.Sibling,
        Proto.Relationship.OtherFamily => Relationship.OtherFamily,
        Proto.Relationship.Friend => Relationship.Friend,
        _ => throw RuleViolation.Invalid("relationship", "relationship is required (RELATIONSHIP_PARTNER, _PARENT, _CHILD, _SIBLING, _OTHER_FAMILY or _FRIEND)."),
    };

    public static SupportForm ToDomain(Proto.SupportForm form, string field = "form") =>
        form is > Proto.SupportForm.Unspecified and <= Proto.SupportForm.BereavedAfterSuicide
            ? (SupportForm)(int)form
            : throw RuleViolation.Invalid(field, $"{field} must name a support form (SUPPORT_FORM_CONVERSATION .. SUPPORT_FORM_BEREAVED_AFTER_SUICIDE).");

    public static SupportStatus ToDomain(Proto.SupportStatus status) => status switch
    {
        Proto.SupportStatus.Started => SupportStatus.Started,
        Proto.SupportStatus.Ended => SupportStatus.Ended,
        Proto.SupportStatus.Declined => SupportStatus.Declined,
        _ => throw RuleViolation.Invalid("status", "status must be SUPPORT_STATUS_STARTED, _ENDED or _DECLINED."),
    };

    public static ChildSituation ToDomain(Proto.ChildSituation situation) =>
        situation is >= Proto.ChildSituation.Unspecified and <= Proto.ChildSituation.Death
            ? (ChildSituation)(int)situation
            : throw RuleViolation.Invalid("child_situation", "child_situation is not a known value.");

    public static Proto.RelativeAccepted Accepted(StepResult result) => new() { RelativeId = result.Id, Version = result.Version };

    public static Proto.ReferralReceipt Receipt(string referralId, ReferralStatus status) => new()
    {
        ReferralId = referralId,
        Status = status switch
        {
            ReferralStatus.Received => Proto.ReferralStatus.Received,
            ReferralStatus.Accepted => Proto.ReferralStatus.Accepted,
            ReferralStatus.Withdrawn => Proto.ReferralStatus.Withdrawn,
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a referral status."),
        },
    };

    public static Proto.Relative ToProto(Relative relative, long version)
    {
        var message = new Proto.Relative
        {
            RelativeId = relative.Id,
            Version = version,
            MunicipalityCode = relative.MunicipalityCode,
            Details = ToProto(relative.Details),
            Relationship = (Proto.Relationship)(int)relative.Relationship,
            CaredFor = new Proto.CaredForPerson
            {
                KnownToPlatform = relative.CaredFor.KnownToPlatform,
                PersonalIdentityNumber = relative.CaredFor.PersonalIdentityNumber ?? "",
                IdentityNeededReason = relative.CaredFor.IdentityNeededReason ?? "",
            },
            SupportContact = relative.SupportContact ?? "",
            ChildSituation = (Proto.ChildSituation)(int)relative.ChildSituation,
            ReferralId = relative.ReferralId ?? "",
        };
        message.Needs.AddRange(relative.Needs.Select(n => new Proto.Need { Text = n.Text, RecordedOn = ToProto(n.RecordedOn) }));
        message.Supports.AddRange(relative.Supports.Select(s => new Proto.Support
        {
            SupportId = s.Id,
            Form = (Proto.SupportForm)(int)s.Form,
            Status = (Proto.SupportStatus)(int)s.Status,
            OfferedOn = ToProto(s.OfferedOn),
            StartedOn = ToProto(s.StartedOn),
            EndedOn = ToProto(s.EndedOn),
        }));
        message.FollowUps.AddRange(relative.FollowUps.Select(f => new Proto.FollowUp { FollowedUpOn = ToProto(f.FollowedUpOn), Note = f.Note }));
        return message;
    }

    public static Proto.IncomingReferral ToProto(Referral referral, long version) => new()
    {
        ReferralId = referral.Id,
        Version = version,
        Status = Receipt(referral.Id, referral.Status).Status,
        ReferringUnitId = referral.FromUnitId,
        Relative = referral.Relative is { } r ? ToProto(r) : null,
        Relationship = (Proto.Relationship)(int)referral.Relationship,
        ChildSituation = (Proto.ChildSituation)(int)referral.ChildSituation,
        Need = referral.Need ?? "",
        RelativeId = referral.RelativeId ?? "",
    };

    public static Proto.SupportCatalogue ToProto(SupportCatalogue catalogue, long version)
    {
        var message = new Proto.SupportCatalogue { MunicipalityCode = catalogue.MunicipalityCode, Version = version };
        message.Forms.AddRange(catalogue.Forms.Select(f => (Proto.SupportForm)(int)f));
        return message;
    }

    public static Proto.Statistics ToProto(StatisticsView view)
    {
        var message = new Proto.Statistics { MunicipalityCode = view.Tally.MunicipalityCode, Year = view.Tally.Year, SuppressionThreshold = view.Threshold };
        message.RelativesSupported.AddRange(Counts(view.Tally.RelativesSupported, view.Threshold));
        message.SupportForms.AddRange(Counts(view.Tally.SupportForms, view.Threshold));
        message.Referrals.AddRange(Counts(view.Tally.Referrals, view.Threshold));
        return message;
    }

    private static IEnumerable<Proto.Count> Counts(IReadOnlyDictionary<string, int> counts, int threshold) =>
        SuppressedCount.From(counts, threshold).Select(c => new Proto.Count { Dimension = c.Dimension, Value = c.Value, Suppressed = c.Suppressed });

    private static Proto.RelativeDetails ToProto(RelativeDetails d) => new()
    {
        GivenName = d.GivenName,
        FamilyName = d.FamilyName,
        PersonalIdentityNumber = d.PersonalIdentityNumber ?? "",
        BirthYear = d.BirthYear ?? 0,
        Sex = (Proto.Sex)(int)d.Sex,
        Phone = d.Phone ?? "",
        Email = d.Email ?? "",
        IsChild = d.IsChild,
    };
}
