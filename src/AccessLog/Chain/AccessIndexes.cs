using Samverkan.Contracts.Audit.V1;

namespace Samverkan.AccessLog.Chain;

// Sorted-set indexes over the chain, in the {access-log} keyspace. Member = the entry's sequence
// (a short decimal string), score = occurred_at in Unix milliseconds, so every query is a score
// range. Every index is scoped to the organisation of the acting user, because an auditor only
// ever sees the accesses of their own organisation's users: a query can never reach another
// organisation's entries and needs no filtering after the fact.
//   org:{org}                  every access by users of the organisation
//   user:{org}:{subject}       one user
//   unit:{org}:{unit}          one unit
//   person:{org}:{person_ref}  one person (pseudonymous reference)
//   flag:{flag}:{org}          accesses outside own unit / organisation, to protected persons
public static class AccessIndexes
{
    public static string Organisation(string organisation) => $"org:{organisation}";

    public static string User(string organisation, string subject) => $"user:{organisation}:{subject}";

    public static string Unit(string organisation, string unitId) => $"unit:{organisation}:{unitId}";

    public static string Person(string organisation, string personRef) => $"person:{organisation}:{personRef}";

    public static string Flagged(AccessFlag flag, string organisation) => flag switch
    {
        AccessFlag.OutsideOwnUnit => $"flag:unit:{organisation}",
        AccessFlag.OutsideOwnOrganisation => $"flag:org:{organisation}",
        AccessFlag.ProtectedIdentity => $"flag:protected:{organisation}",
        _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, "Not a review flag."),
    };

    // Reviews of one entry: member = review id, score = reviewed_at in Unix milliseconds.
    public static string Reviews(long sequence) => $"reviews:{sequence}";

    public static double Score(AccessRecord record) => record.OccurredAt is null ? 0 : Score(record.OccurredAt.ToDateTimeOffset());

    public static double Score(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static string Member(long sequence) => sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The indexes one record belongs to. A record without an organisation (which no valid token
    // yields) is chained but not indexed: it stays in the chain as evidence.
    public static IEnumerable<string> For(AccessRecord record)
    {
        var organisation = record.OrganisationCode;
        if (string.IsNullOrEmpty(organisation) || !IsKeySafe(organisation)) yield break;

        yield return Organisation(organisation);
        if (IsKeySafe(record.UserSubject)) yield return User(organisation, record.UserSubject);
        if (IsKeySafe(record.UnitId)) yield return Unit(organisation, record.UnitId);
        if (IsKeySafe(record.PersonRef)) yield return Person(organisation, record.PersonRef);
        foreach (var flag in AccessFlags.Of(record)) yield return Flagged(flag, organisation);
    }

    // Index names are built from token values; refuse anything that could collide with another key shape.
    public static bool IsKeySafe(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@');
}
