namespace Samverkan.AppHost.Platform;

public static class IdentityProviderExtensions
{
    // Marks a project as the platform's Keycloak-compatible OpenID Connect server. It learns its
    // public URL (the issuer in every token) and a durable data folder (signing keys survive restarts).
    public static IResourceBuilder<ProjectResource> AsIdentityProvider(this IResourceBuilder<ProjectResource> identity, string realm, PlatformOptions platform) =>
        identity
            .WithAnnotation(new RealmAnnotation(realm))
            .WithEnvironment("Identity__PublicUrl", identity.GetEndpoint("http"))
            .WithEnvironment("Identity__DataDirectory", platform.DataDirectoryFor(identity.Resource.Name));

    // What Keycloak.AuthServices.Aspire.Hosting gives a client of the realm: service discovery of the
    // server plus Keycloak__AuthServerUrl and Keycloak__Realm.
    public static IResourceBuilder<ProjectResource> WithIdentityProvider(this IResourceBuilder<ProjectResource> project, IResourceBuilder<ProjectResource> identity)
    {
        var realm = identity.Resource.Annotations.OfType<RealmAnnotation>().SingleOrDefault()?.Realm
            ?? throw new InvalidOperationException($"'{identity.Resource.Name}' is not an identity provider (AsIdentityProvider).");
        return project
            .WithReference(identity)
            .WithEnvironment("Keycloak__AuthServerUrl", identity.GetEndpoint("http"))
            .WithEnvironment("Keycloak__Realm", realm);
    }

    private sealed record RealmAnnotation(string Realm) : IResourceAnnotation;
}
