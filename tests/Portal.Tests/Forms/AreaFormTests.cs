using Samverkan.Contracts.Relatives.V1;
using Samverkan.Portal.Forms.Ombud;
using Samverkan.Portal.Forms.Relatives;
using Samverkan.SharedKernel.Directory;
using Samverkan.TestSupport.Processes;

namespace Samverkan.Portal.Tests.Forms;

// The relative support and personal ombudsman forms' rules and the requests they become.
public sealed class AreaFormTests
{
    private static readonly UnitDirectory Directory = UnitDirectoryJson.Load(RepositoryPaths.Combine("deploy/directory/units.json"));
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static ReferralForm Referral(string personnummer = "")
    {
        var form = new ReferralForm { MunicipalityCode = "2080", ConsentGiven = true, Need = "Behöver avlösning." };
        form.Person.GivenName = "Tolva";
        form.Person.FamilyName = "Tolvansson";
        form.Person.PersonalIdentityNumber = personnummer;
        form.Person.Relationship = Relationship.Partner;
        return form;
    }

    [Fact]
    public void A_referral_needs_the_relatives_consent_and_a_municipality()
    {
        var form = Referral();
        Assert.Empty(form.Validate(Today, Directory));
        form.ConsentGiven = false;
        form.MunicipalityCode = "";
        var errors = form.Validate(Today, Directory);
        Assert.Contains("samtycke", errors.Keys);
        Assert.Contains("kommun", errors.Keys);
    }

    [Fact]
    public void A_child_found_from_the_personnummer_needs_the_parents_situation()
    {
        var form = Referral(Child());
        Assert.Equal("Den anhörige är ett barn: välj förälderns situation (hälso- och sjukvårdslagen 5 kap. 7 §).", form.Validate(Today, Directory)["barnsituation"]);
        form.ChildSituation = ChildSituation.SeriousIllness;
        Assert.Empty(form.Validate(Today, Directory));
        var request = form.ToRequest("20-slv-falun-med", Today);
        Assert.True(request.Relative.IsChild);
        Assert.Equal(ChildSituation.SeriousIllness, request.ChildSituation);
        Assert.Equal(Child(), request.Relative.PersonalIdentityNumber);
    }

    [Fact]
    public void An_adults_referral_sends_no_child_situation_and_a_wrong_check_digit_is_named()
    {
        var form = Referral("19121212-1212");
        form.ChildSituation = ChildSituation.Death;
        Assert.Empty(form.Validate(Today, Directory));
        Assert.Equal(ChildSituation.Unspecified, form.ToRequest("20-slv-falun-med", Today).ChildSituation);
        form.Person.PersonalIdentityNumber = "19121212-1213";
        Assert.StartsWith("Kontrollsiffran", form.Validate(Today, Directory)["personnummer"], StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_keeps_the_cared_for_persons_number_only_with_a_reason()
    {
        var form = new RegistrationForm { Consent = true, CaredForPersonalIdentityNumber = "19121212-1212" };
        form.Person.GivenName = "Tolva";
        form.Person.FamilyName = "Tolvansson";
        form.Person.Relationship = Relationship.Child;
        Assert.Contains("vardtagare-skal", form.Validate(Today).Keys);
        form.CaredForReason = "Samordning med hemtjänsten.";
        Assert.Empty(form.Validate(Today));
        Assert.Equal("191212121212", form.ToRequest("2080", Today).CaredFor.PersonalIdentityNumber);
        form.Consent = false;
        Assert.Contains("samtycke", form.Validate(Today).Keys);
    }

    [Fact]
    public void An_assignment_is_for_adults_only()
    {
        var form = new AssignmentForm { PersonalIdentityNumber = Child(), GivenName = "Ung", FamilyName = "Person", MandateOn = Today };
        Assert.Equal("Klienten är under 18 år. Personligt ombud är för vuxna.", form.Validate(Today)["personnummer"]);
        form.PersonalIdentityNumber = "19121212-1212";
        Assert.Empty(form.Validate(Today));
        form.MandateOn = Today.AddDays(1);
        Assert.Equal("Dagen kan inte ligga i framtiden.", form.Validate(Today)["uppdrag-datum"]);
    }

    [Theory]
    [InlineData("Handläggaren gav ut 19121212-1212 i telefon.")]
    [InlineData("Svar kom från namn@exempel.se efter tre veckor.")]
    [InlineData("Ring 070-123 45 67 för att få en tid.")]
    public void A_deficiency_text_that_looks_like_personal_data_is_refused(string description)
    {
        var form = new DeficiencyForm { AuthorityKind = Contracts.Ombud.V1.AuthorityKind.Forsakringskassan, AuthorityName = "Försäkringskassan", Kind = Contracts.Ombud.V1.DeficiencyKind.WaitingTimes, Description = description, ObservedOn = Today };
        Assert.Contains("brist-beskrivning", form.Validate(Today).Keys);
        // Dates and counts are not personal data.
        form.Description = "Handläggningstiden för aktivitetsersättning var över ett halvår (ansökt 2026-01-05, beslut 2026-08-01).";
        Assert.Empty(form.Validate(Today));
    }

    // A child born 2015 with a valid check digit.
    private static string Child()
    {
        const string nine = "150612123";
        return "20" + nine + SharedKernel.Identity.PersonalIdentityNumber.LuhnCheckDigit(nine);
    }
}
