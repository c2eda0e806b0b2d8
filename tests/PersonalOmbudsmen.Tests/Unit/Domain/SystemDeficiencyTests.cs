using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Deficiencies;
using Samverkan.PersonalOmbudsmen.Domain.Rules;
using Samverkan.SharedKernel.Rules;

namespace Samverkan.PersonalOmbudsmen.Tests.Unit.Domain;

public class SystemDeficiencyTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static SystemDeficiency Report(string description = "Handläggningstiderna för bostadstillägg är orimligt långa.") =>
        SystemDeficiency.Report("d1", "2080", "2080-po", AuthorityKind.Forsakringskassan, "Försäkringskassan", DeficiencyKind.WaitingTimes, description, null, Today);

    [Fact]
    public void Reported_reviewed_and_forwarded_to_the_county_board()
    {
        var deficiency = Report();
        Assert.Equal(DeficiencyStatus.Reported, deficiency.Status);
        Assert.Equal(Today, deficiency.ReportedOn);

        deficiency.Review(ReviewDecision.ForwardToCountyBoard, "Tas upp med Länsstyrelsen i oktober.", Today);
        Assert.Equal(DeficiencyStatus.ToBeForwarded, deficiency.Status);

        deficiency.MarkForwarded(Today, Today);
        Assert.Equal(DeficiencyStatus.Forwarded, deficiency.Status);
        Assert.Equal(Today, deficiency.ForwardedOn);
    }

    [Fact]
    public void Only_a_deficiency_decided_for_forwarding_can_be_marked_forwarded()
    {
        var deficiency = Report();
        Assert.Equal(ViolationKind.FailedPrecondition, Assert.Throws<OmbudRuleViolation>(() => deficiency.MarkForwarded(Today, Today)).Kind);
        deficiency.Review(ReviewDecision.HandleLocally, "", Today);
        Assert.Equal(ViolationKind.FailedPrecondition, Assert.Throws<OmbudRuleViolation>(() => deficiency.MarkForwarded(Today, Today)).Kind);
        Assert.Equal(ViolationKind.FailedPrecondition, Assert.Throws<OmbudRuleViolation>(() => deficiency.Review(ReviewDecision.ForwardToCountyBoard, "", Today)).Kind);
        Assert.Equal(DeficiencyStatus.HandledLocally, deficiency.Status);
    }

    [Fact]
    public void Forwarding_cannot_predate_the_review_nor_lie_in_the_future()
    {
        var deficiency = Report();
        deficiency.Review(ReviewDecision.ForwardToCountyBoard, "", Today);
        Assert.Equal("forwarded_on", Assert.Throws<OmbudRuleViolation>(() => deficiency.MarkForwarded(Today.AddDays(-1), Today)).Field);
        Assert.Equal("forwarded_on", Assert.Throws<OmbudRuleViolation>(() => deficiency.MarkForwarded(Today.AddDays(5), Today)).Field);
        Assert.Equal(DeficiencyStatus.ToBeForwarded, deficiency.Status);
    }

    [Theory]
    [InlineData("Klienten 19121212-1212 fick avslag utan motivering.", "a personnummer")]
    [InlineData("Klienten 121212-1212 fick avslag utan motivering.", "a personnummer")]
    [InlineData("Klienten 191212121212 fick avslag utan motivering.", "a personnummer")]
    [InlineData("Skriv till klient@example.se om beslutet, tack.", "an e-mail address")]
    [InlineData("Ring 070-123 45 67 så förklarar handläggaren.", "a phone number")]
    [InlineData("Ring +46 70 123 45 67 så förklarar handläggaren.", "a phone number")]
    public void Texts_that_look_like_personal_data_are_refused(string description, string what)
    {
        Assert.Equal(what, PersonalDataScreen.Find(description));
        var refused = Assert.Throws<OmbudRuleViolation>(() => Report(description));
        Assert.Equal("description", refused.Field);
        Assert.DoesNotContain("1212", refused.Message);
    }

    [Theory]
    [InlineData("Väntetiden var 2019 över 180 dagar för 12 av 40 ärenden.")]
    [InlineData("Blankett 5070 saknas på lätt svenska.")]
    public void Ordinary_figures_are_not_mistaken_for_personal_data(string description) =>
        Assert.Null(PersonalDataScreen.Find(description));

    [Fact]
    public void Texts_are_bounded()
    {
        Assert.Equal("description", Assert.Throws<OmbudRuleViolation>(() => Report("För kort")).Field);
        Assert.Equal("description", Assert.Throws<OmbudRuleViolation>(() => Report(new string('x', Bounds.DeficiencyDescriptionLength + 1))).Field);
        Assert.Equal("observed_on", Assert.Throws<OmbudRuleViolation>(() => SystemDeficiency.Report("d", "2080", "2080-po", AuthorityKind.Other, "X",
            DeficiencyKind.Other, "En beskrivning av bristen.", Today.AddDays(3), Today)).Field);
        Assert.Equal("kind", Assert.Throws<OmbudRuleViolation>(() => SystemDeficiency.Report("d", "2080", "2080-po", AuthorityKind.Other, "X",
            (DeficiencyKind)0, "En beskrivning av bristen.", null, Today)).Field);
        var deficiency = Report();
        Assert.Equal("comment", Assert.Throws<OmbudRuleViolation>(() => deficiency.Review(ReviewDecision.HandleLocally, new string('x', Bounds.ReviewCommentLength + 1), Today)).Field);
        Assert.Equal(DeficiencyStatus.Reported, deficiency.Status);
    }
}
