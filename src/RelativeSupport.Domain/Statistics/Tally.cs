using System.Text.Json.Serialization;
using Samverkan.RelativeSupport.Domain.Referrals;
using Samverkan.RelativeSupport.Domain.Relatives;
using Samverkan.SharedKernel.Statistics;

namespace Samverkan.RelativeSupport.Domain.Statistics;

// Anonymous counts for systematic follow-up of one municipality and year, counted when things
// happen (not computed from the personal records), so they survive the erasure of the relatives
// they counted. Dimensions are a bounded vocabulary; no identity, no free text, no date finer than the year.
public sealed class Tally
{
    [JsonConstructor]
    public Tally(string municipalityCode, int year, Dictionary<string, int> relativesSupported,
        Dictionary<string, int> supportForms, Dictionary<string, int> referrals)
    {
        MunicipalityCode = municipalityCode;
        Year = year;
        RelativesSupported = relativesSupported;
        SupportForms = supportForms;
        Referrals = referrals;
    }

    public string MunicipalityCode { get; }
    public int Year { get; }
    public Dictionary<string, int> RelativesSupported { get; }
    public Dictionary<string, int> SupportForms { get; }
    public Dictionary<string, int> Referrals { get; }

    public static Tally Empty(string municipalityCode, int year) => new(municipalityCode, year, [], [], []);

    public static string Id(string municipalityCode, int year) => $"{municipalityCode}-{year}";

    public void CountRelative(RelativeDetails details, int year) =>
        Add(RelativesSupported, $"sex={SexName(details.Sex)};age={AgeBand.Of(details, year)}");

    public void CountSupport(SupportForm form) => Add(SupportForms, "form=" + FormName(form));

    public void CountReferral(ReferralSource source, bool childAsRelative) =>
        Add(Referrals, $"source={(source == ReferralSource.Region ? "region" : "municipality")};child={(childAsRelative ? "yes" : "no")}");

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

    private static void Add(Dictionary<string, int> counts, string dimension) =>
        counts[dimension] = counts.GetValueOrDefault(dimension) + 1;
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
