using Samverkan.Contracts.Discharge.V1;
using Samverkan.Portal.Display;
using Samverkan.Portal.Forms;
using Samverkan.SharedKernel.Directory;
using Samverkan.TestSupport.Processes;

namespace Samverkan.Portal.Tests.Forms;

// The admission form's rules and the request it becomes.
public sealed class AdmissionFormTests
{
    private static readonly UnitDirectory Directory = UnitDirectoryJson.Load(RepositoryPaths.Combine("deploy/directory/units.json"));
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 13, 0, 0, TimeSpan.Zero);
    private static readonly DateTime LocalNow = SwedishTime.Local(Now).DateTime;

    private static AdmissionForm Complete() => new()
    {
        PersonalIdentityNumber = "19121212-1212",
        GivenName = "Tolvan",
        FamilyName = "Tolvansson",
        Street = "Storgatan 1",
        PostalCode = "791 71",
        City = "Falun",
        MunicipalityCode = "2080",
        AdmittedAt = LocalNow.AddHours(-3),
        NeedSocialServices = true,
        EstimatedDischargeDate = DateOnly.FromDateTime(LocalNow).AddDays(2),
        ConsentSendNotices = true,
        ConsentGivenAt = LocalNow.AddHours(-3),
    };

    [Fact]
    public void A_complete_form_is_valid_and_becomes_the_request_with_the_send_notices_consent()
    {
        var form = Complete();
        Assert.Empty(form.Validate(Now, Directory));

        var request = form.ToRequest();
        Assert.Equal("191212121212", request.Patient.PersonalIdentityNumber.Value);
        Assert.Equal("79171", request.Patient.RegisteredAddress.PostalCode);
        Assert.Equal([CareNeed.SocialServices], request.Needs);
        Assert.Equal([ConsentScope.SendNotices], request.Consent.Scopes);
        Assert.Equal(Now.AddHours(-3), request.AdmittedAt.ToDateTimeOffset());
        // The same form always sends with the same request id: a repeated click records once.
        Assert.Equal(request.RequestId, form.ToRequest().RequestId);
    }

    [Fact]
    public void Protected_identity_needs_no_address_and_sends_none()
    {
        var form = Complete();
        form.ProtectedIdentity = true;
        form.Street = form.PostalCode = form.City = "";
        Assert.Empty(form.Validate(Now, Directory));
        Assert.Null(form.ToRequest().Patient.RegisteredAddress);
    }

    [Fact]
    public void Each_broken_rule_is_named_on_its_field()
    {
        var form = Complete();
        form.MunicipalityCode = "20"; // the region is no municipality
        form.AdmittedAt = LocalNow.AddHours(1);
        form.EstimatedDischargeDate = DateOnly.FromDateTime(LocalNow).AddDays(-2);
        form.NeedSocialServices = false;
        form.ConsentSendNotices = false;
        form.PostalCode = "7917";

        var errors = form.Validate(Now, Directory);

        Assert.Equal(["behov", "berakn-utskrivning", "inskriven", "kommun", "postnummer", "samtycke-meddelanden"], errors.Keys.Order());
        Assert.Contains("framtiden", errors["inskriven"]);
        Assert.Contains("före inskrivningsdagen", errors["berakn-utskrivning"]);
    }
}
