using System.Text.Json.Nodes;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Microsoft.IdentityModel.Tokens;
using Samverkan.Identity.Tests.Support;
using Samverkan.TestSupport.Identity;

namespace Samverkan.Identity.Tests;

// Services accept tokens from the identity server and reject every other token with
// Unauthenticated, over real HTTP/2 gRPC; health and reflection stay anonymous.
[Collection(PlatformCollection.Name)]
public sealed class ServiceAcceptanceTests(PlatformFixture platform)
{
    [Fact]
    public async Task SipPlans_runs_with_its_Keycloak_section_and_serves_health_anonymously()
    {
        var reply = await new Health.HealthClient(platform.SipPlans.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task SipPlans_http_health_endpoints_need_no_token(string path)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(platform.SipPlans.Address, path))
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SipPlans_serves_reflection_anonymously()
    {
        using var call = new ServerReflection.ServerReflectionClient(platform.SipPlans.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Contains("grpc.health.v1.Health", call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Fact]
    public async Task A_call_without_a_token_is_Unauthenticated_with_an_actionable_message()
    {
        var failure = await platform.Probe.RejectionAsync(null);
        Assert.Equal(StatusCode.Unauthenticated, failure.StatusCode);
        Assert.Contains("no access token", failure.Status.Detail);
    }

    [Fact]
    public async Task A_staff_member_of_Falun_is_known_by_organisation_unit_and_roles()
    {
        var token = await platform.Tokens.GetUserTokenAsync("anna.lind");
        var caller = await platform.Probe.WhoAmIAsync(token.AccessToken);

        Assert.Equal(platform.Identity.DevRealm.SubjectOf("anna.lind"), caller.Subject);
        Assert.Equal("anna.lind", caller.Username);
        Assert.False(caller.IsServiceAccount);
        Assert.Equal("falun", caller.OrganisationAlias);
        Assert.Equal("2080", caller.OrganisationCode);
        Assert.Equal("Municipality", caller.OrganisationKind);
        Assert.Equal("2080-soc", caller.UnitId);
        Assert.Contains("sip-participant", caller.Roles);
        Assert.Contains("discharge-receiver", caller.Roles);
        Assert.DoesNotContain("discharge-sender", caller.Roles);
    }

    [Fact]
    public async Task A_municipal_system_is_known_by_its_organisation()
    {
        var token = await platform.Tokens.GetSystemTokenAsync("mora");
        var caller = await platform.Probe.WhoAmIAsync(token.AccessToken);

        Assert.True(caller.IsServiceAccount);
        Assert.Equal("service-account-system-mora", caller.Username);
        Assert.Equal("system-mora", caller.ClientId);
        Assert.Equal("mora", caller.OrganisationAlias);
        Assert.Equal("2062", caller.OrganisationCode);
        Assert.Equal("", caller.UnitId);
        Assert.Contains("discharge-receiver", caller.Roles);
        Assert.DoesNotContain("discharge-sender", caller.Roles);
    }

    [Fact]
    public async Task The_regions_system_may_send_discharge_notices()
    {
        var token = await platform.Tokens.GetSystemTokenAsync("region-dalarna");
        var caller = await platform.Probe.WhoAmIAsync(token.AccessToken);

        Assert.Equal("20", caller.OrganisationCode);
        Assert.Equal("Region", caller.OrganisationKind);
        Assert.Contains("discharge-sender", caller.Roles);
    }

    [Fact]
    public async Task A_token_from_the_portal_login_is_accepted()
    {
        var token = await platform.Tokens.GetUserTokenViaLoginFormAsync("karin.nyberg");
        var caller = await platform.Probe.WhoAmIAsync(token.AccessToken);

        Assert.Equal("staff-portal", caller.ClientId);
        Assert.Equal("region-dalarna", caller.OrganisationAlias);
        Assert.Equal("20-slv-falun-med", caller.UnitId);
        Assert.Contains("discharge-sender", caller.Roles);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_rejected()
    {
        var payload = await RealPayloadAsync();
        payload["aud"] = new JsonArray("personal-ombudsmen", "access-log");
        await AssertUnauthenticatedAsync(new TokenForge(platform.Identity).SignWithServerKey(payload), "aud");
    }

    [Fact]
    public async Task A_service_whose_audience_is_missing_from_the_token_rejects_it()
    {
        await using var other = await ProbeServiceHost.StartAsync(platform.Identity, audience: "some-other-service");
        var token = await platform.Tokens.GetUserTokenAsync("anna.lind");
        var failure = await other.RejectionAsync(token.AccessToken);
        Assert.Equal(StatusCode.Unauthenticated, failure.StatusCode);
        Assert.Contains("some-other-service", failure.Status.Detail);
    }

    // Issue #15, item 5: a system's token names only the services systems may call, so a service
    // that receives one cannot replay it to the personal ombudsmen or the access log.
    [Theory]
    [InlineData("personal-ombudsmen")]
    [InlineData("access-log")]
    public async Task A_system_token_is_refused_by_services_systems_may_not_call(string service)
    {
        await using var probe = await ProbeServiceHost.StartAsync(platform.Identity, audience: service);
        var token = await platform.Tokens.GetSystemTokenAsync("falun");
        var failure = await probe.RejectionAsync(token.AccessToken);
        Assert.Equal(StatusCode.Unauthenticated, failure.StatusCode);
        Assert.Contains(service, failure.Status.Detail);
    }

    // An ID token is signed by the same key and names its client as audience: a service whose
    // audience is that client id must still refuse it, for what it is (typ is not 'Bearer').
    [Fact]
    public async Task An_id_token_is_refused_for_what_it_is()
    {
        await using var probe = await ProbeServiceHost.StartAsync(platform.Identity, audience: TokenClient.TestsClient);
        var token = await platform.Tokens.GetUserTokenAsync("anna.lind", scope: "openid");

        var failure = await probe.RejectionAsync(token.IdToken!);
        Assert.Equal(StatusCode.Unauthenticated, failure.StatusCode);
        Assert.Contains("not an access token", failure.Status.Detail);
    }

    // The same with the service's own audience in the ID token: only 'typ' tells them apart.
    [Fact]
    public async Task A_token_without_typ_Bearer_is_refused_even_for_the_right_audience()
    {
        var payload = await RealPayloadAsync();
        payload.Remove("typ");
        await AssertUnauthenticatedAsync(new TokenForge(platform.Identity).SignWithServerKey(payload), "not an access token");
        payload["typ"] = "ID";
        await AssertUnauthenticatedAsync(new TokenForge(platform.Identity).SignWithServerKey(payload), "not an access token");
    }

    [Fact]
    public async Task An_expired_token_is_rejected_without_clock_skew()
    {
        var payload = await RealPayloadAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        payload["iat"] = now - 310;
        payload["exp"] = now - 5;
        await AssertUnauthenticatedAsync(new TokenForge(platform.Identity).SignWithServerKey(payload), "expired");
    }

    [Fact]
    public async Task A_token_naming_another_issuer_is_rejected_even_with_the_right_key()
    {
        var payload = await RealPayloadAsync();
        payload["iss"] = "http://identity.elsewhere.example/realms/samverkan";
        await AssertUnauthenticatedAsync(new TokenForge(platform.Identity).SignWithServerKey(payload), "issuer");
    }

    [Fact]
    public async Task A_tampered_token_is_rejected()
    {
        var token = (await platform.Tokens.GetUserTokenAsync("anna.lind")).AccessToken;
        var parts = token.Split('.');
        var payload = Jwt.Payload(token);
        payload["realm_access"] = new JsonObject { ["roles"] = new JsonArray("administrator", "auditor") };
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
        await AssertUnauthenticatedAsync(tampered, "signature");
    }

    [Fact]
    public async Task A_token_signed_with_an_unknown_key_is_rejected()
    {
        await AssertUnauthenticatedAsync(TokenForge.SignWithUnknownKey(await RealPayloadAsync()), "key");
    }

    [Fact]
    public async Task A_token_signed_with_another_key_under_the_servers_key_id_is_rejected()
    {
        var forge = new TokenForge(platform.Identity);
        await AssertUnauthenticatedAsync(TokenForge.SignWithUnknownKey(await RealPayloadAsync(), forge.ServerKeyId), "signature");
    }

    [Fact]
    public async Task A_token_of_another_identity_server_is_rejected()
    {
        await using var other = await IdentityServer.StartAsync();
        var token = await other.CreateTokenClient().GetUserTokenAsync("anna.lind");
        var failure = await platform.Probe.RejectionAsync(token.AccessToken);
        Assert.Equal(StatusCode.Unauthenticated, failure.StatusCode);
    }

    // Guards the tests above: the forge's output is accepted when nothing is changed, so each
    // rejection is caused by the one change it makes.
    [Fact]
    public async Task An_unchanged_reforged_token_is_accepted()
    {
        var forged = new TokenForge(platform.Identity).SignWithServerKey(await RealPayloadAsync());
        var caller = await platform.Probe.WhoAmIAsync(forged);
        Assert.Equal("2080", caller.OrganisationCode);
    }

    private async Task<JsonObject> RealPayloadAsync() =>
        Jwt.Payload((await platform.Tokens.GetUserTokenAsync("anna.lind")).AccessToken);

    private async Task AssertUnauthenticatedAsync(string token, string reason)
    {
        var failure = await platform.Probe.RejectionAsync(token);
        Assert.Equal(StatusCode.Unauthenticated, failure.StatusCode);
        Assert.Contains(reason, failure.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }
}
