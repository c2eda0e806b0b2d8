using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Deficiencies;
using Samverkan.PersonalOmbudsmen.Domain.Statistics;
using Samverkan.SharedKernel.Statistics;
using Samverkan.SharedKernel.Identity;

namespace Samverkan.PersonalOmbudsmen.Tests.Unit.Domain;

public class AnnualFollowUpTests
{
    private static AssignmentStatistic Record(string municipality, int start, LegalSex sex = LegalSex.Female, AgeBand band = AgeBand.From35To44,
        int? closed = null, int? months = null, Outcome? outcome = null, params Area[] areas) =>
        new(Guid.NewGuid().ToString(), municipality, start, sex, band, areas, closed, months, outcome);

    [Fact]
    public void Counts_active_new_and_closed_assignments_of_the_year()
    {
        List<AssignmentStatistic> records =
        [
            .. Enumerable.Range(0, 6).Select(_ => Record("2080", 2025, areas: Area.Economy)),                              // active, carried over
            .. Enumerable.Range(0, 5).Select(_ => Record("2080", 2026, LegalSex.Male, AgeBand.From18To24, areas: Area.Housing)), // new
            .. Enumerable.Range(0, 7).Select(_ => Record("2080", 2025, closed: 2026, months: 14, outcome: Outcome.GoalsMet, areas: Area.Economy)),
            Record("2080", 2024, closed: 2025, months: 8, outcome: Outcome.ContactLost),  // ended before the year
            Record("2080", 2027),                                                         // starts after
            .. Enumerable.Range(0, 9).Select(_ => Record("2062", 2026)),                  // another municipality
        ];

        var report = AnnualFollowUp.Build(2026, "2080", records, [], threshold: 5, today: new DateOnly(2027, 2, 1));

        Assert.Equal(PublishedCount.Shown(18), report.Clients);
        Assert.Equal(PublishedCount.Shown(5), report.NewAssignments);
        Assert.Equal(PublishedCount.Shown(7), report.ClosedAssignments);
        Assert.Equal(PublishedCount.Shown(13), report.ClientsBySexAndAge.Single(c => c is { Sex: LegalSex.Female, AgeBand: AgeBand.From35To44 }).Clients);
        Assert.Equal(PublishedCount.Shown(5), report.ClientsBySexAndAge.Single(c => c is { Sex: LegalSex.Male, AgeBand: AgeBand.From18To24 }).Clients);
        Assert.Equal(PublishedCount.Shown(7), report.ClosedByLength.Single(l => l.Band == LengthBand.From12To24Months).Assignments);
        Assert.Equal(PublishedCount.Shown(7), report.ClosedByOutcome.Single(o => o.Outcome == Outcome.GoalsMet).Assignments);
        Assert.Equal(PublishedCount.Shown(13), report.Areas.Single(a => a.Area == Area.Economy).Assignments);
        Assert.False(report.Preliminary);

        var county = AnnualFollowUp.Build(2026, null, records, [], threshold: 5, today: new DateOnly(2026, 8, 1));
        Assert.Equal(PublishedCount.Shown(27), county.Clients);
        Assert.True(county.Preliminary);
    }

    [Fact]
    public void Small_groups_are_suppressed_in_every_table()
    {
        List<AssignmentStatistic> records =
        [
            .. Enumerable.Range(0, 8).Select(_ => Record("2021", 2026)),
            Record("2021", 2026, LegalSex.Male, AgeBand.From65, closed: 2026, months: 2, outcome: Outcome.ClientDied, areas: Area.CareAndTreatment),
        ];

        var report = AnnualFollowUp.Build(2026, "2021", records, [], threshold: 5, today: new DateOnly(2027, 1, 10));

        Assert.Equal(PublishedCount.Shown(9), report.Clients);
        Assert.True(report.ClosedAssignments.Suppressed);
        var man65 = report.ClientsBySexAndAge.Single(c => c is { Sex: LegalSex.Male, AgeBand: AgeBand.From65 }).Clients;
        Assert.True(man65.Suppressed);
        // Secondary suppression: otherwise 9 − 8 would reveal the single man of 65+.
        Assert.True(report.ClientsBySexAndAge.Single(c => c is { Sex: LegalSex.Female, AgeBand: AgeBand.From35To44 }).Clients.Suppressed);
        Assert.True(report.ClosedByOutcome.Single(o => o.Outcome == Outcome.ClientDied).Assignments.Suppressed);
        Assert.True(report.Areas.Single(a => a.Area == Area.CareAndTreatment).Assignments.Suppressed);
        Assert.Equal(PublishedCount.Shown(0), report.Areas.Single(a => a.Area == Area.Legal).Assignments);
    }

    [Fact]
    public void Deficiencies_are_counted_by_kind_when_reported_and_when_forwarded()
    {
        var today = new DateOnly(2026, 11, 1);
        var forwarded = SystemDeficiency.Report("d1", "2080", "2080-po", AuthorityKind.Forsakringskassan, "Försäkringskassan",
            DeficiencyKind.WaitingTimes, "Handläggningstiderna för sjukersättning är över ett år.", new DateOnly(2026, 3, 1), today);
        forwarded.Review(ReviewDecision.ForwardToCountyBoard, "", today);
        forwarded.MarkForwarded(today, today);
        var local = SystemDeficiency.Report("d2", "2080", "2080-po", AuthorityKind.SocialServices, "Socialtjänsten",
            DeficiencyKind.WaitingTimes, "Ingen kan ta emot ansökan om boendestöd per telefon.", new DateOnly(2026, 4, 1), today);
        var otherYear = SystemDeficiency.Report("d3", "2080", "2080-po", AuthorityKind.Other, "Banken",
            DeficiencyKind.Accessibility, "Bankens tjänster kräver BankID som målgruppen saknar.", new DateOnly(2025, 4, 1), today);

        var report = AnnualFollowUp.Build(2026, "2080", [], [forwarded, local, otherYear], 5, today);

        var waiting = report.DeficienciesByKind.Single(d => d.Kind == DeficiencyKind.WaitingTimes);
        Assert.Equal((2, 1), (waiting.Reported, waiting.Forwarded));
        Assert.Equal(0, report.DeficienciesByKind.Single(d => d.Kind == DeficiencyKind.Accessibility).Reported);
    }
}
