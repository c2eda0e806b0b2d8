using Samverkan.Identity.Endpoints;
using Samverkan.Identity.Login;
using Samverkan.Identity.Realm;

namespace Samverkan.Identity.Hosting;

public static class RealmExtensions
{
    // Reads the realm file now: endpoint paths, token lifetimes and the lock-out policy depend on it,
    // and a realm that cannot be served should stop the process before it listens.
    public static RealmModel LoadRealm(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IdentityServerOptions.SectionName).Get<IdentityServerOptions>() ?? new();
        var path = options.ResolveRealmFile(builder.Environment.ContentRootPath);
        var realm = RealmLoader.LoadFile(path);

        builder.Services.AddSingleton(realm);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSingleton<LoginMetrics>();
        builder.Services.AddSingleton<UserAuthenticator>();
        builder.Services.AddSingleton<AuthorizationCodeRegistry>();
        builder.Services.AddHostedService(provider => new RealmStartupReport(
            realm, path, provider.GetRequiredService<IHostEnvironment>(), provider.GetRequiredService<ILogger<RealmStartupReport>>()));
        return realm;
    }
}
