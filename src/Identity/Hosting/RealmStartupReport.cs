using Samverkan.Identity.Realm;
using Samverkan.Identity.Tokens;

namespace Samverkan.Identity.Hosting;

// Says at start which realm is served and warns about what would surprise an operator: a
// development realm (demo users, known secrets) outside Development, or mappers this server ignores.
public sealed partial class RealmStartupReport(RealmModel realm, string path, IHostEnvironment environment, ILogger<RealmStartupReport> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogServing(realm.Name, path, realm.Environment, realm.Users.Count, realm.Clients.Count, realm.Organizations.Count);
        if (realm.Environment == "development" && !environment.IsDevelopment())
        {
            LogDevelopmentRealm(realm.Name, environment.EnvironmentName);
        }

        var ignored = realm.ClientScopes.Values.SelectMany(s => s.Mappers)
            .Concat(realm.Clients.Values.SelectMany(c => c.ProtocolMappers))
            .Select(m => m.Type).Where(t => !ProtocolMapperEvaluator.SupportedTypes.Contains(t)).Distinct().ToList();
        if (ignored.Count > 0) LogIgnoredMappers(string.Join(", ", ignored));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving realm {Realm} from {Path} (environment {RealmEnvironment}): {Users} users, {Clients} clients, {Organizations} organizations")]
    private partial void LogServing(string realm, string path, string realmEnvironment, int users, int clients, int organizations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Realm {Realm} is a DEVELOPMENT realm (demo users and secrets) but the host environment is {Environment}")]
    private partial void LogDevelopmentRealm(string realm, string environment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Protocol mapper types not supported by this server (they add no claims): {Types}")]
    private partial void LogIgnoredMappers(string types);
}
