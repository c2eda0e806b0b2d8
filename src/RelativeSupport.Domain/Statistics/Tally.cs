using Samverkan.RelativeSupport.Domain.Referrals;
using Samverkan.RelativeSupport.Domain.Relatives;
using Samverkan.SharedKernel.Statistics;

namespace Samverkan.RelativeSupport.Domain.Statistics;

// One anonymous count for systematic follow-up: what was counted (relatives, support forms,
// referrals) and in which cell. Dimensions are a bounded vocabulary; no identity, no free text.
public sealed record TallyEntry(string Kind, string Dimension)
{
    public const string Relatives = "relatives";
    public const string SupportForms = "forms";
    public const string Referrals = "referrals";

    // A relative with protected identity (their own or the cared-for person's) is counted without
    // sex and age band, among those whose sex and age are unknown: a breakdown by sex and age in a
    // small municipality could point at them.
    public static TallyEntry Relative(RelativeDetails details, bool protectedIdentity, int year) =>
        new(Relatives, protectedIdentity ? "sex=unknown;age=unknown" : $"sex={SexName(details.Sex)};age={AgeBand.Of(details, year)}");

    public static TallyEntry Support(SupportForm form) => new(SupportForms, "form=" + FormName(form));

    public static TallyEntry Referral(ReferralSource source, bool childAsRelative) =>
        new(Referrals, $"source={(source == ReferralSource.Region ? "region" : "municipality")};child={(childAsRelative ? "yes" : "no")}");

    // Stored form: "kind|dimension".
    public string Encode() => Kind + "|" + Dimension;

    public static TallyEntry Decode(string text)
    {
        var split = text.IndexOf('|', StringComparison.Ordinal);
        return split < 0 ? throw new FormatException("Not a tally entry.") : new TallyEntry(text[..split], text[(split + 1)..]);
    }

    public static string FormName(SupportForm form) => form switch
    {
        SupportForm.Conversation => "conversation",
        SupportForm.Group => "group",
        SupportForm.RespiteAtHome => "respite-at-home",
        SupportForm.RespiteDayCare => "respite-day-care",
        SupportForm.RespiteShortStay => "respite-short-stay",
        SupportForm.InformationEducation => "information-education",
        SupportForm.Guidance => "guidance",
        SupportForm.MeetingPlace => "meeting-place",
        SupportForm.Recreation => "recreation",
        SupportForm.BereavedAfterSuicide => "bereaved-after-suicide",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "Not a support form."),
    };

    private static string SexName(Sex sex) => sex switch { Sex.Female => "female", Sex.Male => "male", _ => "unknown" };
}

// The counts of one municipality and year, added up from the entries counted when things happened
// (not computed from the personal records), so they survive the erasure of the relatives they
// counted. The entries are appended (never updated) in the same unit of work as the change they
// count: concurrent changes of one municipality never conflict on a shared counter.
public sealed class Tally(string municipalityCode, int year)
{
    public string MunicipalityCode { get; } = municipalityCode;
    public int Year { get; } = year;
    public Dictionary<string, int> RelativesSupported { get; } = [];
    public Dictionary<string, int> SupportForms { get; } = [];
    public Dictionary<string, int> Referrals { get; } = [];

    public static Tally Of(string municipalityCode, int year, IEnumerable<TallyEntry> entries)
    {
        var tally = new Tally(municipalityCode, year);
        foreach (var entry in entries) tally.Count(entry);
        return tally;
    }

    public void Count(TallyEntry entry)
    {
        var counts = entry.Kind switch
        {
            TallyEntry.Relatives => RelativesSupported,
            TallyEntry.SupportForms => SupportForms,
            TallyEntry.Referrals => Referrals,
            _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Kind, "Not a tally kind."),
        };
        counts[entry.Dimension] = counts.GetValueOrDefault(entry.Dimension) + 1;
    }
}

// Age bands of the yearly follow-up. Children are one band: the child-as-relative group is the
// one the law singles out.
public static class AgeBand
{
    public static string Of(RelativeDetails details, int year)
    {
        if (details.BirthYear is not { } born) return details.IsChild ? "0-17" : "unknown";
        return (year - born) switch
        {
            < 18 => "0-17",
            < 45 => "18-44",
            < 65 => "45-64",
            < 80 => "65-79",
            _ => "80+",
        };
    }
}

// Small counts re-identify people in small municipalities (Vansbro, Orsa, Älvdalen ~6,800
// inhabitants): a count between 1 and threshold - 1 is reported as suppressed, without its value.
public sealed record SuppressedCount(string Dimension, int Value, bool Suppressed)
{
    public const int DefaultThreshold = SmallCounts.DefaultThreshold;

    // The platform's rule (SharedKernel SmallCounts), applied cell by cell.
    public static IReadOnlyList<SuppressedCount> From(IReadOnlyDictionary<string, int> counts, int threshold) =>
        counts.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => (c.Key, Published: SmallCounts.Single(c.Value, threshold)))
            .Select(c => new SuppressedCount(c.Key, c.Published.Value, c.Published.Suppressed))
            .ToList();
}
