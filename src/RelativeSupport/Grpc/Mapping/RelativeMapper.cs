using Samverkan.RelativeSupport.Domain.Catalogue;
using Samverkan.RelativeSupport.Domain.Referrals;
using Samverkan.RelativeSupport.Domain.Relatives;
using Samverkan.RelativeSupport.Domain.Statistics;
using Proto = Samverkan.Contracts.Relatives.V1;

namespace Samverkan.RelativeSupport.Grpc.Mapping;

// Contract messages <-> domain. Enum values are mapped by name, every value listed; an
// unspecified or unknown value is INVALID_ARGUMENT naming the field. Protected identity: lists and
// referral views carry only the id and protected_identity = true; the contact details (phone, email,
// address) leave the service only in GetRelative, which only the registering municipality's
// consultants may call.
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
            : RelativeDetails.Create(d.GivenName, d.FamilyName, d.PersonalIdentityNumber, d.BirthYear, ToDomain(d.Sex), d.Phone, d.Email, d.IsChild, today,
                Address(d.Address, "relative.address."), d.ProtectedIdentity);

    public static Func<DateOnly, CaredForPerson> CaredFor(Proto.CaredForPerson? c) => today =>
        c is null ? CaredForPerson.Unknown : CaredForPerson.Create(c.KnownToPlatform, c.PersonalIdentityNumber, c.IdentityNeededReason, c.ProtectedIdentity, today);

    public static PostalAddress? Address(Proto.PostalAddress? a, string prefix) =>
        a is null ? null : PostalAddress.Create(a.Street, a.PostalCode, a.City, prefix);

    // A list filter: UNSPECIFIED is every state.
    public static RelativeState? Filter(Proto.RelativeState state) => state switch
    {
        Proto.RelativeState.Unspecified => null,
        Proto.RelativeState.Open => RelativeState.Open,
        Proto.RelativeState.Closed => RelativeState.Closed,
        _ => throw RuleViolation.Invalid("state", "state must be RELATIVE_STATE_OPEN, RELATIVE_STATE_CLOSED or unspecified (both)."),
    };

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
                ProtectedIdentity = relative.CaredFor.ProtectedIdentity,
            },
            SupportContact = relative.SupportContact ?? "",
            ChildSituation = (Proto.ChildSituation)(int)relative.ChildSituation,
            ReferralId = relative.ReferralId ?? "",
            RegisteredOn = ToProto(relative.RegisteredOn),
            State = ToProto(relative.State),
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

    // A list row. A protected relative is only their id, version, registration day, state and the flag.
    public static Proto.RelativeSummary ToSummary(Relative relative, long version)
    {
        var summary = new Proto.RelativeSummary
        {
            RelativeId = relative.Id,
            Version = version,
            RegisteredOn = ToProto(relative.RegisteredOn),
            State = ToProto(relative.State),
            ProtectedIdentity = relative.IsProtected,
        };
        if (relative.IsProtected) return summary;
        summary.GivenName = relative.Details.GivenName;
        summary.FamilyName = relative.Details.FamilyName;
        summary.IsChild = relative.Details.IsChild;
        summary.Relationship = (Proto.Relationship)(int)relative.Relationship;
        summary.Phone = relative.Details.Phone ?? "";
        summary.Email = relative.Details.Email ?? "";
        summary.SupportContact = relative.SupportContact ?? "";
        summary.ReferralId = relative.ReferralId ?? "";
        return summary;
    }

    // In the incoming list a protected relative is only the flag, and the need (free text that may
    // say where they live) is left out; both are read with GetRelative once the referral is accepted.
    public static Proto.IncomingReferral ToProto(Referral referral, long version)
    {
        var isProtected = referral.Relative?.ProtectedIdentity == true;
        return new()
        {
            ReferralId = referral.Id,
            Version = version,
            Status = Receipt(referral.Id, referral.Status).Status,
            ReferringUnitId = referral.FromUnitId,
            Relative = referral.Relative is not { } r ? null : isProtected ? new Proto.RelativeDetails { ProtectedIdentity = true } : ToProto(r),
            Relationship = (Proto.Relationship)(int)referral.Relationship,
            ChildSituation = (Proto.ChildSituation)(int)referral.ChildSituation,
            Need = isProtected ? "" : referral.Need ?? "",
            RelativeId = referral.RelativeId ?? "",
        };
    }

    private static Proto.RelativeState ToProto(RelativeState state) => state switch
    {
        RelativeState.Open => Proto.RelativeState.Open,
        RelativeState.Closed => Proto.RelativeState.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a relative state."),
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
        ProtectedIdentity = d.ProtectedIdentity,
        Address = d.Address is { } a ? new Proto.PostalAddress { Street = a.Street, PostalCode = a.PostalCode, City = a.City } : null,
    };
}
