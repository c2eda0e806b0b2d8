using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Rules;
using Samverkan.SharedKernel.Rules;
using Samverkan.PersonalOmbudsmen.Domain.Statistics;
using Samverkan.PersonalOmbudsmen.Tests.Support;
using Samverkan.SharedKernel.Identity;

namespace Samverkan.PersonalOmbudsmen.Tests.Unit.Domain;

public class AssignmentTests
{
    private static readonly DateTimeOffset Now = TestClients.Now;

    [Fact]
    public void Opens_on_the_clients_mandate_with_goals_and_areas()
    {
        var assignment = TestClients.Open(areas: [Area.Housing, Area.Economy, Area.Housing]);

        Assert.True(assignment.IsOpen);
        Assert.Equal([Area.Economy, Area.Housing], assignment.Areas);
        Assert.Equal("g1", Assert.Single(assignment.Goals).Id);
        Assert.Equal(AgreementState.Pending, assignment.Goals[0].Agreement);
        Assert.Equal("2080-po", assignment.UnitId);
    }

    [Fact]
    public void A_client_under_18_on_the_day_of_the_mandate_is_refused()
    {
        var mandateDay = new DateOnly(2026, 6, 1);
        var turns18Tomorrow = Client.Create(TestClients.Number(mandateDay.AddYears(-18).AddDays(1)).Value, "Ung", "Person", "", false);
        var turned18Today = Client.Create(TestClients.Number(mandateDay.AddYears(-18)).Value, "Ung", "Person", "", false);
        var mandateAt = new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

        var refused = Assert.Throws<OmbudRuleViolation>(() => TestClients.Open(turns18Tomorrow, mandateAt: mandateAt));
        Assert.Equal(ViolationKind.InvalidArgument, refused.Kind);
        Assert.Equal("client.personal_identity_number", refused.Field);
        Assert.Contains("under 18", refused.Message);

        Assert.True(TestClients.Open(turned18Today, mandateAt: mandateAt).IsOpen);
    }

    [Fact]
    public void A_samordningsnummer_is_aged_by_its_real_date()
    {
        // Day + 60: born 2010-03-05 is written 20100365, still a child in 2026.
        var nine = "100365" + "123";
        var child = Client.Create("20" + nine + PersonalIdentityNumber.LuhnCheckDigit(nine), "Ung", "Person", "", false);
        Assert.Throws<OmbudRuleViolation>(() => TestClients.Open(child));
    }

    [Theory]
    [InlineData("9999")]
    [InlineData("20")]      // the region is not a municipality
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_municipality_is_refused(string? code)
    {
        var refused = Assert.Throws<OmbudRuleViolation>(() => Assignment.Open("a", "s", code, "2080-po", TestClients.Directory,
            TestClients.Adult(), Now.AddDays(-1), MandateForm.Verbal, [], [], Now));
        Assert.Equal(ViolationKind.InvalidArgument, refused.Kind);
        Assert.Equal("municipality.code", refused.Field);
    }

    [Theory]
    [InlineData("19121212121", "client.personal_identity_number")]   // 11 digits
    [InlineData("191212121213", "client.personal_identity_number")]  // wrong check digit
    public void A_malformed_personnummer_is_refused(string number, string field)
    {
        var refused = Assert.Throws<OmbudRuleViolation>(() => Client.Create(number, "A", "B", "", false));
        Assert.Equal(field, refused.Field);
        Assert.DoesNotContain(number, refused.Message);
    }

    [Fact]
    public void Names_and_texts_are_bounded_and_printable()
    {
        var number = TestClients.Number(new DateOnly(1980, 1, 1)).Value;
        Assert.Equal("client.given_name", Assert.Throws<OmbudRuleViolation>(() => Client.Create(number, new string('a', Bounds.NameLength + 1), "B", "", false)).Field);
        Assert.Equal("client.family_name", Assert.Throws<OmbudRuleViolation>(() => Client.Create(number, "A", " ", "", false)).Field);
        Assert.Equal("client.phone", Assert.Throws<OmbudRuleViolation>(() => Client.Create(number, "A", "B", new string('1', Bounds.PhoneLength + 1), false)).Field);
        Assert.Equal("client.given_name", Assert.Throws<OmbudRuleViolation>(() => Client.Create(number, "A\u0000", "B", "", false)).Field);

        var assignment = TestClients.Open();
        Assert.Equal(ViolationKind.InvalidArgument, Assert.Throws<OmbudRuleViolation>(() => assignment.AddNote(new string('x', Bounds.NoteLength + 1), Now)).Kind);
        Assert.Equal(Bounds.NoteLength, assignment.AddNote(new string('x', Bounds.NoteLength), Now).Text.Length);
        Assert.Equal("text", Assert.Throws<OmbudRuleViolation>(() => assignment.AddGoal(new string('x', Bounds.GoalLength + 1), Now)).Field);
        Assert.Equal("authority_name", Assert.Throws<OmbudRuleViolation>(() =>
            assignment.RecordContact(AuthorityKind.Forsakringskassan, new string('x', Bounds.AuthorityNameLength + 1), "om sjukpenning", Now, Now)).Field);
        Assert.Equal("about", Assert.Throws<OmbudRuleViolation>(() =>
            assignment.RecordContact(AuthorityKind.Forsakringskassan, "FK", new string('x', Bounds.ContactAboutLength + 1), Now, Now)).Field);
        Assert.Equal("authority_kind", Assert.Throws<OmbudRuleViolation>(() =>
            assignment.RecordContact((AuthorityKind)99, "FK", "om", Now, Now)).Field);
    }

    [Fact]
    public void Times_must_be_plausible()
    {
        Assert.Equal("mandate.given_at", Assert.Throws<OmbudRuleViolation>(() => TestClients.Open(mandateAt: Now.AddHours(1))).Field);
        Assert.Equal("mandate.given_at", Assert.Throws<OmbudRuleViolation>(() => TestClients.Open(mandateAt: new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero))).Field);

        var assignment = TestClients.Open(mandateAt: Now.AddDays(-10));
        var beforeMandate = Assert.Throws<OmbudRuleViolation>(() => assignment.RecordContact(AuthorityKind.Kronofogden, "KFM", "skulder", Now.AddDays(-11), Now));
        Assert.Equal("contacted_at", beforeMandate.Field);
        Assert.Empty(assignment.Contacts);
    }

    [Fact]
    public void Entries_get_stable_ids_per_kind()
    {
        var assignment = TestClients.Open();
        Assert.Equal("n1", assignment.AddNote("Första", Now).Id);
        Assert.Equal("n2", assignment.AddNote("Andra", Now).Id);
        Assert.Equal("c1", assignment.RecordContact(AuthorityKind.Forsakringskassan, "FK Falun", "Sjukersättning", Now.AddDays(-1), Now).Id);
        Assert.Equal("g2", assignment.AddGoal("Eget boende", Now).Id);
        Assert.Equal(5, assignment.PendingAgreement);
    }

    [Fact]
    public void The_client_agrees_to_entries_or_has_them_withdrawn_and_erased()
    {
        var assignment = TestClients.Open();
        var note = assignment.AddNote("Klienten berättade om skulderna", Now);
        var contact = assignment.RecordContact(AuthorityKind.Kronofogden, "Kronofogden", "Avbetalningsplan", Now.AddDays(-1), Now);

        assignment.RecordClientAgreement(["g1"], agreed: true, Now, Now);
        assignment.RecordClientAgreement([note.Id, contact.Id], agreed: false, Now, Now);

        Assert.Equal(AgreementState.Agreed, assignment.Goals[0].Agreement);
        Assert.Equal(Now, assignment.Goals[0].AgreementRecordedAt);
        Assert.Equal(AgreementState.Withdrawn, assignment.Notes[0].Agreement);
        Assert.Equal("", assignment.Notes[0].Text);
        Assert.Equal("", assignment.Contacts[0].AuthorityName);
        Assert.Equal("", assignment.Contacts[0].About);
        Assert.Equal(0, assignment.PendingAgreement);

        var again = Assert.Throws<OmbudRuleViolation>(() => assignment.RecordClientAgreement([note.Id], agreed: true, Now, Now));
        Assert.Equal(ViolationKind.FailedPrecondition, again.Kind);
    }

    [Fact]
    public void An_agreement_naming_an_unknown_entry_changes_nothing()
    {
        var assignment = TestClients.Open();
        var refused = Assert.Throws<OmbudRuleViolation>(() => assignment.RecordClientAgreement(["g1", "n9"], agreed: false, Now, Now));
        Assert.Equal("entry_ids", refused.Field);
        Assert.Equal(AgreementState.Pending, assignment.Goals[0].Agreement);
        Assert.NotEmpty(assignment.Goals[0].Text);
        Assert.Equal("entry_ids", Assert.Throws<OmbudRuleViolation>(() => assignment.RecordClientAgreement([], true, Now, Now)).Field);
    }

    [Fact]
    public void An_assignment_holds_at_most_the_documented_number_of_notes()
    {
        var assignment = TestClients.Open();
        for (var i = 0; i < Bounds.MaxNotes; i++) assignment.AddNote("Anteckning", Now);
        var full = Assert.Throws<OmbudRuleViolation>(() => assignment.AddNote("En till", Now));
        Assert.Equal(ViolationKind.ResourceExhausted, full.Kind);
        Assert.Equal(Bounds.MaxNotes, assignment.Notes.Count);

        for (var i = 1; i < Bounds.MaxGoals; i++) assignment.AddGoal("Mål", Now);
        Assert.Equal(ViolationKind.ResourceExhausted, Assert.Throws<OmbudRuleViolation>(() => assignment.AddGoal("Ett till", Now)).Kind);
    }

    [Fact]
    public void Areas_must_be_known_and_at_least_one()
    {
        var assignment = TestClients.Open(areas: Area.Housing);
        Assert.Equal("areas", Assert.Throws<OmbudRuleViolation>(() => assignment.SetAreas([])).Field);
        Assert.Equal("areas", Assert.Throws<OmbudRuleViolation>(() => assignment.SetAreas([Area.Economy, (Area)0])).Field);
        Assert.Equal([Area.Housing], assignment.Areas);
        assignment.SetAreas([Area.Relations, Area.Employment]);
        Assert.Equal([Area.Employment, Area.Relations], assignment.Areas);
    }

    [Fact]
    public void Closing_erases_every_piece_of_personal_data_and_returns_the_anonymous_record()
    {
        var client = TestClients.Adult(LegalSex.Male, age: 30);
        var assignment = TestClients.Open(client, mandateAt: new DateTimeOffset(2025, 1, 20, 9, 0, 0, TimeSpan.Zero), areas: [Area.Economy, Area.Housing]);
        var statisticsId = assignment.StatisticsId;
        assignment.AddNote("Hemlig anteckning", Now);
        assignment.RecordContact(AuthorityKind.Forsakringskassan, "FK", "Aktivitetsersättning", Now.AddDays(-2), Now);

        var record = assignment.Close(Outcome.GoalsMet, new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero), Now);

        Assert.False(assignment.IsOpen);
        Assert.Null(assignment.Client);
        Assert.Null(assignment.Mandate);
        Assert.Empty(assignment.Goals);
        Assert.Empty(assignment.Notes);
        Assert.Empty(assignment.Contacts);
        Assert.Empty(assignment.Areas);
        Assert.Equal("", assignment.StatisticsId);

        var expected = new AssignmentStatistic(statisticsId, "2080", 2025, LegalSex.Male, AgeBand.From25To34,
            [Area.Economy, Area.Housing], 2026, 16, Outcome.GoalsMet);
        Assert.True(expected.SameAs(record), $"{record}");
        Assert.Equal(LengthBand.From12To24Months, record.LengthBand);
    }

    [Fact]
    public void Nothing_can_be_written_on_a_closed_assignment()
    {
        var assignment = TestClients.Open();
        assignment.Close(Outcome.ClientEndedMandate, Now, Now);

        foreach (var step in new Action[]
        {
            () => assignment.AddNote("Efter avslut", Now),
            () => assignment.AddGoal("Efter avslut", Now),
            () => assignment.SetAreas([Area.Economy]),
            () => assignment.RecordContact(AuthorityKind.Other, "X", "Y", Now, Now),
            () => assignment.RecordClientAgreement(["g1"], true, Now, Now),
            () => assignment.Close(Outcome.Other, Now, Now),
        })
        {
            var refused = Assert.Throws<OmbudRuleViolation>(step);
            Assert.Equal(ViolationKind.FailedPrecondition, refused.Kind);
            Assert.Equal(OmbudRuleViolation.AssignmentClosed, refused.Precondition?.Type);
        }
        Assert.Empty(assignment.Notes);
    }

    [Fact]
    public void A_refused_close_changes_nothing()
    {
        var assignment = TestClients.Open(mandateAt: Now.AddDays(-5));
        Assert.Equal("outcome", Assert.Throws<OmbudRuleViolation>(() => assignment.Close((Outcome)0, Now, Now)).Field);
        Assert.Equal("closed_at", Assert.Throws<OmbudRuleViolation>(() => assignment.Close(Outcome.Other, Now.AddDays(-6), Now)).Field);
        Assert.True(assignment.IsOpen);
        Assert.NotNull(assignment.Client);
    }

    [Theory]
    [InlineData(2025, 1, 20, 2025, 4, 19, 2)]
    [InlineData(2025, 1, 20, 2025, 4, 20, 3)]
    [InlineData(2025, 1, 31, 2025, 2, 28, 0)]
    [InlineData(2025, 6, 1, 2025, 6, 1, 0)]
    public void Length_is_whole_months(int y1, int m1, int d1, int y2, int m2, int d2, int months) =>
        Assert.Equal(months, Assignment.WholeMonths(new DateOnly(y1, m1, d1), new DateOnly(y2, m2, d2)));
}
