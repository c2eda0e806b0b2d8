using Grpc.Core;
using Samverkan.Contracts.Relatives.V1;
using static Samverkan.RelativeSupport.Tests.Integration.RelativeListTests;

namespace Samverkan.RelativeSupport.Tests.Integration;

// UpdateContactDetails through the gateway: versioned, retry-safe, access-logged, refused precisely
// with nothing written; and the cared-for person's personnummer is birth-date checked.
[Collection(RelativePlatformCollection.Name)]
public sealed class ContactDetailsTests(RelativePlatform platform)
{
    private static UpdateContactDetailsRequest Update(RelativeAccepted relative, string phone, string email = "ny@example.se") => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        RelativeId = relative.RelativeId,
        ExpectedVersion = relative.Version,
        Phone = phone,
        Email = email,
        Address = new PostalAddress { Street = "Nya gatan 2", PostalCode = "78170", City = "Borlänge" },
    };

    [PlatformFact]
    public async Task Contact_details_change_once_per_request_id_with_the_version_checked_and_logged()
    {
        var borlange = await platform.AsUserAsync(ReferralEndToEndTests.Borlange);
        var registered = await platform.Client.RegisterRelativeAsync(Registration("Kontaktsson"), borlange);
        async Task<StatusCode> Refused(UpdateContactDetailsRequest request, CallOptions? caller = null) =>
            (await Assert.ThrowsAsync<RpcException>(() => platform.Client.UpdateContactDetailsAsync(request, caller ?? borlange).ResponseAsync)).StatusCode;

        // Refusals change nothing.
        Assert.Equal(StatusCode.InvalidArgument, await Refused(Update(registered, "073-1", email: "inte en adress")));
        Assert.Equal(StatusCode.InvalidArgument, await Refused(Update(registered, new string('1', 41))));
        var badPostalCode = Update(registered, "073-1");
        badPostalCode.Address.PostalCode = "7817";
        var invalid = await Assert.ThrowsAsync<RpcException>(() => platform.Client.UpdateContactDetailsAsync(badPostalCode, borlange).ResponseAsync);
        Assert.Contains("address.postal_code", invalid.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, await Refused(Update(new RelativeAccepted { RelativeId = registered.RelativeId, Version = registered.Version + 1 }, "073-1")));
        Assert.Equal(StatusCode.NotFound, await Refused(Update(registered, "073-1"), await platform.AsUserAsync(ReferralEndToEndTests.Falun)));
        Assert.Equal(StatusCode.PermissionDenied, await Refused(Update(registered, "073-1"), await platform.AsUserAsync(ReferralEndToEndTests.Ward)));
        var unchanged = await platform.Client.GetRelativeAsync(new GetRelativeRequest { RelativeId = registered.RelativeId }, borlange);
        Assert.Equal(registered.Version, unchanged.Version);
        Assert.Equal("070-444 55 66", unchanged.Details.Phone);

        var request = Update(registered, "073-999 88 77");
        var changed = await platform.Client.UpdateContactDetailsAsync(request, borlange);
        Assert.Equal(registered.Version + 1, changed.Version);
        // A retry is answered from the first success and writes nothing.
        Assert.Equal(changed, await platform.Client.UpdateContactDetailsAsync(request, borlange));
        // The same request_id for a different change is refused.
        var reused = Update(changed, "073-000");
        reused.RequestId = request.RequestId;
        Assert.Equal(StatusCode.AlreadyExists, await Refused(reused));

        var relative = await platform.Client.GetRelativeAsync(new GetRelativeRequest { RelativeId = registered.RelativeId }, borlange);
        Assert.Equal(changed.Version, relative.Version);
        Assert.Equal("073-999 88 77", relative.Details.Phone);
        Assert.Equal("ny@example.se", relative.Details.Email);
        Assert.Equal("Nya gatan 2", relative.Details.Address.Street);
        Assert.Equal("Kontaktsson", relative.Details.FamilyName);

        // Clearing: empty values and no address.
        var cleared = await platform.Client.UpdateContactDetailsAsync(new UpdateContactDetailsRequest
        { RequestId = Guid.NewGuid().ToString(), RelativeId = registered.RelativeId, ExpectedVersion = changed.Version }, borlange);
        var empty = await platform.Client.GetRelativeAsync(new GetRelativeRequest { RelativeId = registered.RelativeId }, borlange);
        Assert.Equal(cleared.Version, empty.Version);
        Assert.Equal("", empty.Details.Phone);
        Assert.Null(empty.Details.Address);

        var changes = (await platform.AccessRecordsAsync()).Where(r => r.Resource == registered.RelativeId && r.Purpose == "UpdateContactDetails").ToList();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, r => Assert.Equal(Contracts.Audit.V1.AccessAction.Change, r.Action));
        Assert.DoesNotContain("073-999", platform.ServiceOutput);
    }

    [PlatformFact]
    public async Task A_cared_for_person_born_in_the_future_is_refused_naming_the_field()
    {
        var borlange = await platform.AsUserAsync(ReferralEndToEndTests.Borlange);
        var registration = Registration("Framtidsdatum");
        registration.CaredFor = new CaredForPerson
        {
            PersonalIdentityNumber = Unit.DomainTests.NumberBornOn(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(2)),
            IdentityNeededReason = "Avlösning i hemmet planeras",
        };
        var refusal = await Assert.ThrowsAsync<RpcException>(() => platform.Client.RegisterRelativeAsync(registration, borlange).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Contains("cared_for.personal_identity_number", refusal.Status.Detail);
    }
}
