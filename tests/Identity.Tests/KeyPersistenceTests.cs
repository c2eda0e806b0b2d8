using Samverkan.Identity.Tests.Support;
using Samverkan.TestSupport.Identity;

namespace Samverkan.Identity.Tests;

// Keys live in the data directory: what was issued before a restart is still good after it.
public sealed class KeyPersistenceTests
{
    [Fact]
    public async Task Tokens_and_refresh_tokens_issued_before_a_restart_are_accepted_after_it()
    {
        // A fixed public URL keeps the issuer stable although the restarted server gets a new port.
        // Services reach it on its real address: back-channel endpoints follow the request there.
        await using var identity = await IdentityServer.StartAsync(new IdentityServerSettings
        {
            PublicUrl = "http://identity.samverkan.test",
            Environment = { ["Identity__BackchannelDynamic"] = "true" },
        });
        var before = await identity.CreateTokenClient().GetUserTokenAsync("karin.nyberg");
        var keyId = (string?)Jwt.Header(before.AccessToken)["kid"];

        await identity.RestartAsync();

        await using var service = await ProbeServiceHost.StartAsync(identity);
        var caller = await service.WhoAmIAsync(before.AccessToken);
        Assert.Equal("region-dalarna", caller.OrganisationAlias);

        var refreshed = (await identity.CreateTokenClient().RefreshAsync(before.RefreshToken!)).EnsureSuccess();
        Assert.Equal(keyId, (string?)Jwt.Header(refreshed.AccessToken)["kid"]);
        Assert.Equal("http://identity.samverkan.test/realms/samverkan", (string?)Jwt.Payload(refreshed.AccessToken)["iss"]);
    }

    [Fact]
    public async Task A_new_data_directory_means_new_keys()
    {
        await using var first = await IdentityServer.StartAsync();
        await using var second = await IdentityServer.StartAsync();
        var a = await first.CreateTokenClient().GetSystemTokenAsync("orsa");
        var b = await second.CreateTokenClient().GetSystemTokenAsync("orsa");
        Assert.NotEqual((string?)Jwt.Header(a.AccessToken)["kid"], (string?)Jwt.Header(b.AccessToken)["kid"]);
    }
}
