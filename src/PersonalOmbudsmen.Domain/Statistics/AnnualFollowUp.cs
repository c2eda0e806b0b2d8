using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Deficiencies;
using Samverkan.SharedKernel.Identity;
using Samverkan.SharedKernel.Statistics;

namespace Samverkan.PersonalOmbudsmen.Domain.Statistics;

// The annual follow-up (årsuppföljning) of one municipality or the county, built only from the
// anonymous statistics records and the deficiencies; every count about clients is suppressed by
// SmallCounts.
public sealed record AnnualFollowUpReport(
    int Year,
    string? MunicipalityCode,
    int SuppressionThreshold,
    PublishedCount Clients,
    IReadOnlyList<(LegalSex Sex, AgeBand AgeBand, PublishedCount Clients)> ClientsBySexAndAge,
    PublishedCount NewAssignments,
    PublishedCount ClosedAssignments,
    IReadOnlyList<(LengthBand Band, PublishedCount Assignments)> ClosedByLength,
    IReadOnlyList<(Outcome Outcome, PublishedCount Assignments)> ClosedByOutcome,
    IReadOnlyList<(Area Area, PublishedCount Assignments)> Areas,
    IReadOnlyList<(DeficiencyKind Kind, int Reported, int Forwarded)> DeficienciesByKind,
    bool Preliminary);

public static class AnnualFollowUp
{
    // The default threshold: counts 1–4 are suppressed (verify against the county's practice;
    // configurable as PersonalOmbudsmen:SuppressionThreshold).
    public const int DefaultThreshold = SmallCounts.DefaultThreshold;

    public static AnnualFollowUpReport Build(
        int year,
        string? municipalityCode,
        IEnumerable<AssignmentStatistic> statistics,
        IEnumerable<SystemDeficiency> deficiencies,
        int threshold,
        DateOnly today)
    {
        if (threshold < 2) throw new ArgumentOutOfRangeException(nameof(threshold), "A suppression threshold below 2 suppresses nothing.");
        var records = statistics.Where(s => municipalityCode is null || s.MunicipalityCode == municipalityCode).ToList();
        var active = records.Where(s => s.ActiveIn(year)).ToList();
        var closed = records.Where(s => s.ClosedYear == year).ToList();

        var sexAge = (from sex in new[] { LegalSex.Female, LegalSex.Male }
                      from band in Enum.GetValues<AgeBand>()
                      select (sex, band)).ToList();
        var sexAgeCounts = SmallCounts.Table(sexAge.Select(k => active.Count(s => s.Sex == k.sex && s.AgeBand == k.band)).ToList(), threshold, totalPublished: true);

        var lengths = Enum.GetValues<LengthBand>();
        var lengthCounts = SmallCounts.Table(lengths.Select(b => closed.Count(s => s.LengthBand == b)).ToList(), threshold, totalPublished: true);

        var outcomes = Enum.GetValues<Outcome>();
        var outcomeCounts = SmallCounts.Table(outcomes.Select(o => closed.Count(s => s.Outcome == o)).ToList(), threshold, totalPublished: true);

        // Areas overlap (an assignment covers several), so they are not a partition of a total.
        var areas = Enum.GetValues<Area>();
        var areaCounts = SmallCounts.Table(areas.Select(a => active.Count(s => s.Areas.Contains(a))).ToList(), threshold, totalPublished: false);

        // Deficiencies describe authorities, not persons: not suppressed.
        var reported = deficiencies.Where(d => municipalityCode is null || d.MunicipalityCode == municipalityCode).ToList();
        var byKind = Enum.GetValues<DeficiencyKind>()
            .Select(k => (k, reported.Count(d => d.Kind == k && d.ReportedOn.Year == year), reported.Count(d => d.Kind == k && d.ForwardedOn?.Year == year)))
            .ToList();

        return new AnnualFollowUpReport(
            year,
            municipalityCode,
            threshold,
            SmallCounts.Single(active.Count, threshold),
            sexAge.Select((k, i) => (k.sex, k.band, sexAgeCounts[i])).ToList(),
            SmallCounts.Single(records.Count(s => s.StartYear == year), threshold),
            SmallCounts.Single(closed.Count, threshold),
            lengths.Select((b, i) => (b, lengthCounts[i])).ToList(),
            outcomes.Select((o, i) => (o, outcomeCounts[i])).ToList(),
            areas.Select((a, i) => (a, areaCounts[i])).ToList(),
            byKind,
            Preliminary: today.Year <= year);
    }
}
