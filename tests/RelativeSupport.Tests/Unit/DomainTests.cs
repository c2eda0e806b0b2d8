using Samverkan.RelativeSupport.Domain;
using Samverkan.RelativeSupport.Domain.Catalogue;
using Samverkan.RelativeSupport.Domain.Referrals;
using Samverkan.RelativeSupport.Domain.Relatives;
using Samverkan.RelativeSupport.Domain.Statistics;

namespace Samverkan.RelativeSupport.Tests.Unit;

public class DomainTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    // Luhn-correct test numbers (not real people).
    public const string ChildNumber = "201504022383";

    private static RelativeDetails Adult(string? number = null) =>
        RelativeDetails.Create("Sigrid", "Ödmark", number, 1960, Sex.Female, "070-1234567", "sigrid@example.se", false, Today);

    private static Relative Registered() =>
        Relative.Register("r1", "2081", Adult(), Relationship.Partner, CaredForPerson.Unknown, true, Today);

    [Fact]
    public void Registration_requires_the_relatives_own_consent()
    {
        var refusal = Assert.Throws<RuleViolation>(() =>
            Relative.Register("r1", "2081", Adult(), Relationship.Partner, CaredForPerson.Unknown, false, Today));
        Assert.Equal(ViolationKind.FailedPrecondition, refusal.Kind);
        Assert.Equal("CONSENT", refusal.Precondition!.Type);
    }

    [Fact]
    public void A_personnummer_gives_sex_birth_year_and_child_flag()
    {
        var child = RelativeDetails.Create("Alva", "Ödmark", ChildNumber, 0, Sex.Unknown, null, null, false, Today);
        Assert.True(child.IsChild);
        Assert.Equal(2015, child.BirthYear);
        Assert.Equal(Sex.Female, child.Sex);
    }

    [Theory]
    [InlineData("201504022389")]
    [InlineData("20150402238")]
    [InlineData("20151302238x")]
    public void An_invalid_personnummer_is_refused_naming_the_field(string number)
    {
        var refusal = Assert.Throws<RuleViolation>(() =>
            RelativeDetails.Create("Alva", "Ödmark", number, 0, Sex.Unknown, null, null, false, Today));
        Assert.Equal(ViolationKind.InvalidArgument, refusal.Kind);
        Assert.Equal("relative.personal_identity_number", refusal.Field);
    }

    [Fact]
    public void Oversized_fields_are_refused_with_their_limit()
    {
        var refusal = Assert.Throws<RuleViolation>(() =>
            RelativeDetails.Create(new string('a', Bounds.Name + 1), "Ödmark", null, 0, Sex.Unknown, null, null, false, Today));
        Assert.Equal("relative.given_name", refusal.Field);
        Assert.Contains("100", refusal.Message);
        var relative = Registered();
        Assert.Throws<RuleViolation>(() => relative.RecordNeed(new string('x', Bounds.FreeText + 1), Today, Today));
        Assert.Empty(relative.Needs);
    }

    [Fact]
    public void The_cared_for_persons_identity_is_kept_only_with_a_reason()
    {
        Assert.Equal("cared_for.identity_needed_reason",
            Assert.Throws<RuleViolation>(() => CaredForPerson.Create(true, ChildNumber, null, false, Today)).Field);
        var withoutNumber = CaredForPerson.Create(true, null, "some reason", false, Today);
        Assert.Null(withoutNumber.PersonalIdentityNumber);
        Assert.Null(withoutNumber.IdentityNeededReason);
        Assert.Equal(ChildNumber, CaredForPerson.Create(true, ChildNumber, "Avlösning i hemmet planeras", false, Today).PersonalIdentityNumber);
    }

    // Luhn-correct numbers whose date part is a given day.
    public static string NumberBornOn(DateOnly birth)
    {
        var nine = $"{birth:yyMMdd}238";
        return $"{birth.Year / 100:D2}{nine}{SharedKernel.Identity.PersonalIdentityNumber.LuhnCheckDigit(nine)}";
    }

    [Theory]
    [InlineData(1)]        // born tomorrow
    [InlineData(3650)]     // born in ten years
    [InlineData(-365 * 131)] // 131 years old
    public void The_cared_for_persons_number_must_be_a_possible_birth_date(int daysFromToday)
    {
        var refusal = Assert.Throws<RuleViolation>(() =>
            CaredForPerson.Create(true, NumberBornOn(Today.AddDays(daysFromToday)), "Avlösning i hemmet planeras", false, Today));
        Assert.Equal(ViolationKind.InvalidArgument, refusal.Kind);
        Assert.Equal("cared_for.personal_identity_number", refusal.Field);
        Assert.Equal(NumberBornOn(Today), CaredForPerson.Create(true, NumberBornOn(Today), "reason", false, Today).PersonalIdentityNumber);
    }

    [Fact]
    public void A_protected_cared_for_person_protects_the_relative()
    {
        Assert.False(Registered().IsProtected);
        var caredForProtected = Relative.Register("r2", "2081", Adult(), Relationship.Partner,
            CaredForPerson.Create(false, null, null, protectedIdentity: true, Today), true, Today);
        Assert.True(caredForProtected.IsProtected);
        var ownProtection = Relative.Register("r3", "2081",
            RelativeDetails.Create("Sigrid", "Ödmark", null, 1960, Sex.Female, null, null, false, Today, protectedIdentity: true),
            Relationship.Partner, CaredForPerson.Unknown, true, Today);
        Assert.True(ownProtection.IsProtected);
        // The generated record text would print names and numbers: it is replaced.
        Assert.DoesNotContain("Ödmark", ownProtection.Details.ToString());
    }

    [Fact]
    public void Contact_details_are_replaced_validated_and_cleared_and_nothing_else_changes()
    {
        var relative = Registered();
        var address = PostalAddress.Create("Storgatan 1", "781 70", "Borlänge", "address.");
        relative.UpdateContactDetails("073-111 22 33", null, address);
        Assert.Equal("073-111 22 33", relative.Details.Phone);
        Assert.Null(relative.Details.Email);
        Assert.Equal(new PostalAddress("Storgatan 1", "78170", "Borlänge"), relative.Details.Address);
        Assert.Equal("Ödmark", relative.Details.FamilyName);

        Assert.Equal("email", Assert.Throws<RuleViolation>(() => relative.UpdateContactDetails(null, "not-an-address", null)).Field);
        Assert.Equal("phone", Assert.Throws<RuleViolation>(() => relative.UpdateContactDetails(new string('1', Bounds.Phone + 1), null, null)).Field);
        Assert.Equal("073-111 22 33", relative.Details.Phone);
        Assert.Equal("address.postal_code", Assert.Throws<RuleViolation>(() => PostalAddress.Create("Storgatan 1", "7817", "Borlänge", "address.")).Field);
        Assert.Equal("address.city", Assert.Throws<RuleViolation>(() => PostalAddress.Create("Storgatan 1", "78170", "", "address.")).Field);
        Assert.Null(PostalAddress.Create(" ", "", null, "address."));
    }

    [Fact]
    public void A_relative_is_open_until_every_support_ended_or_was_declined()
    {
        var relative = Registered();
        Assert.Equal(RelativeState.Open, relative.State);
        relative.OfferSupport("s1", SupportForm.Conversation, Today, SupportCatalogue.Default("2081"), Today);
        relative.OfferSupport("s2", SupportForm.Group, Today, SupportCatalogue.Default("2081"), Today);
        relative.RecordSupportProgress("s1", SupportStatus.Declined, Today, Today);
        Assert.Equal(RelativeState.Open, relative.State);
        relative.RecordSupportProgress("s2", SupportStatus.Started, Today, Today);
        relative.RecordSupportProgress("s2", SupportStatus.Ended, Today, Today);
        Assert.Equal(RelativeState.Closed, relative.State);
    }

    [Fact]
    public void Support_outside_the_catalogue_is_refused_and_changes_nothing()
    {
        var relative = Registered();
        var catalogue = SupportCatalogue.Create("2081", [SupportForm.Conversation, SupportForm.Group]);
        var refusal = Assert.Throws<RuleViolation>(() => relative.OfferSupport("s1", SupportForm.Recreation, Today, catalogue, Today));
        Assert.Equal(ViolationKind.FailedPrecondition, refusal.Kind);
        Assert.Empty(relative.Supports);
        relative.OfferSupport("s1", SupportForm.Conversation, Today, catalogue, Today);
        Assert.Single(relative.Supports);
    }

    [Fact]
    public void Support_goes_offered_started_ended_with_dates_in_order()
    {
        var relative = Registered();
        relative.OfferSupport("s1", SupportForm.RespiteAtHome, Today.AddDays(-10), SupportCatalogue.Default("2081"), Today);
        Assert.Equal(ViolationKind.InvalidArgument,
            Assert.Throws<RuleViolation>(() => relative.RecordSupportProgress("s1", SupportStatus.Started, Today.AddDays(-11), Today)).Kind);
        relative.RecordSupportProgress("s1", SupportStatus.Started, Today.AddDays(-5), Today);
        Assert.Equal(ViolationKind.FailedPrecondition,
            Assert.Throws<RuleViolation>(() => relative.RecordSupportProgress("s1", SupportStatus.Declined, Today, Today)).Kind);
        relative.RecordSupportProgress("s1", SupportStatus.Ended, Today, Today);
        Assert.Equal(new Support("s1", SupportForm.RespiteAtHome, SupportStatus.Ended, Today.AddDays(-10), Today.AddDays(-5), Today), relative.Supports[0]);
        Assert.Equal(ViolationKind.NotFound,
            Assert.Throws<RuleViolation>(() => relative.RecordSupportProgress("nope", SupportStatus.Started, Today, Today)).Kind);
    }

    [Fact]
    public void Support_contact_and_follow_up_are_recorded_and_bounded()
    {
        var relative = Registered();
        relative.AssignSupportContact("Maj Berg");
        Assert.Equal("Maj Berg", relative.SupportContact);
        Assert.Throws<RuleViolation>(() => relative.AssignSupportContact(new string('m', Bounds.SupportContact + 1)));
        Assert.Throws<RuleViolation>(() => relative.RecordFollowUp(Today.AddDays(-1), "before registration", Today));
        Assert.Throws<RuleViolation>(() => relative.RecordFollowUp(new DateOnly(1999, 1, 1), "far past", Today));
        relative.RecordFollowUp(Today, "Avlösningen fungerar", Today);
        Assert.Single(relative.FollowUps);
    }

    [Fact]
    public void A_referral_needs_consent()
    {
        var refusal = Assert.Throws<RuleViolation>(() => Referral.Create("f1", "20", "20-slv-falun-med", ReferralSource.Region, "2081",
            Adult(), Relationship.Partner, consentGiven: false, ChildSituation.None, null, Today));
        Assert.Equal(ViolationKind.FailedPrecondition, refusal.Kind);
        Assert.Equal("RELATIVE_REFERRAL", refusal.Precondition!.Subject);
    }

    [Fact]
    public void A_child_as_relative_referral_names_the_parents_situation()
    {
        var child = RelativeDetails.Create("Alva", "Ödmark", ChildNumber, 0, Sex.Unknown, null, null, false, Today);
        Assert.Equal("child_situation", Assert.Throws<RuleViolation>(() => Referral.Create("f1", "20", "u", ReferralSource.Region, "2081",
            child, Relationship.Child, true, ChildSituation.None, null, Today)).Field);
        Assert.Equal("child_situation", Assert.Throws<RuleViolation>(() => Referral.Create("f1", "20", "u", ReferralSource.Region, "2081",
            Adult(), Relationship.Partner, true, ChildSituation.SubstanceAbuse, null, Today)).Field);

        var referral = Referral.Create("f1", "20", "u", ReferralSource.Region, "2081", child, Relationship.Child, true,
            ChildSituation.PsychiatricIllness, "Behöver information om förälderns sjukdom", Today);
        var relative = referral.Accept("r9", Today);
        Assert.Equal(ReferralStatus.Accepted, referral.Status);
        Assert.Equal(ChildSituation.PsychiatricIllness, relative.ChildSituation);
        Assert.Equal("f1", relative.ReferralId);
        Assert.Single(relative.Needs);
        Assert.Equal(ViolationKind.FailedPrecondition, Assert.Throws<RuleViolation>(() => referral.Accept("r10", Today)).Kind);
    }

    [Fact]
    public void Erasing_a_referral_keeps_only_its_status()
    {
        var referral = Referral.Create("f1", "20", "u", ReferralSource.Region, "2081", Adult(), Relationship.Partner, true,
            ChildSituation.None, "need text", Today);
        referral.Erase();
        Assert.Null(referral.Relative);
        Assert.Null(referral.Need);
        Assert.Equal(ReferralStatus.Withdrawn, referral.Status);
    }

    [Fact]
    public void Statistics_count_by_sex_and_age_band_and_suppress_small_counts()
    {
        var tally = new Tally("2081", 2026);
        for (var i = 0; i < 5; i++) tally.Count(TallyEntry.Relative(Adult(), false, 2026));
        tally.Count(TallyEntry.Relative(RelativeDetails.Create("Alva", "Ödmark", ChildNumber, 0, Sex.Unknown, null, null, false, Today), false, 2026));
        tally.Count(TallyEntry.Support(SupportForm.BereavedAfterSuicide));
        var counts = SuppressedCount.From(tally.RelativesSupported, SuppressedCount.DefaultThreshold);
        Assert.Contains(new SuppressedCount("sex=female;age=65-79", 5, false), counts);
        Assert.Contains(new SuppressedCount("sex=female;age=0-17", 0, true), counts);
        Assert.All(SuppressedCount.From(tally.SupportForms, 5), c => Assert.True(c.Suppressed));
    }

    [Fact]
    public void Counts_are_added_up_from_their_stored_entries()
    {
        TallyEntry[] counted = [TallyEntry.Support(SupportForm.Group), TallyEntry.Support(SupportForm.Group), TallyEntry.Referral(ReferralSource.Region, childAsRelative: true)];
        var stored = counted.Select(e => e.Encode()).ToList();
        Assert.Equal("forms|form=group", stored[0]);
        var tally = Tally.Of("2081", 2026, stored.Select(TallyEntry.Decode));
        Assert.Equal(2, tally.SupportForms["form=group"]);
        Assert.Equal(1, tally.Referrals["source=region;child=yes"]);
        Assert.Throws<FormatException>(() => TallyEntry.Decode("no separator"));
    }

    [Fact]
    public void A_protected_relative_is_counted_without_sex_and_age_band()
    {
        var entry = TallyEntry.Relative(RelativeDetails.Create("Alva", "Ödmark", ChildNumber, 0, Sex.Unknown, null, null, false, Today), true, 2026);
        Assert.Equal(new TallyEntry(TallyEntry.Relatives, "sex=unknown;age=unknown"), entry);
    }

    [Fact]
    public void An_empty_or_repeating_catalogue_is_refused()
    {
        Assert.Throws<RuleViolation>(() => SupportCatalogue.Create("2081", []));
        Assert.Throws<RuleViolation>(() => SupportCatalogue.Create("2081", [SupportForm.Group, SupportForm.Group]));
        Assert.Throws<RuleViolation>(() => SupportCatalogue.Create("2081", [(SupportForm)0]));
        Assert.Equal(10, SupportCatalogue.Default("2081").Forms.Count);
    }
}
