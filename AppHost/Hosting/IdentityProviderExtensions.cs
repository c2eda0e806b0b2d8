namespace Samverkan.AppHost.Hosting;

public static class IdentityProviderExtensions
{
    // Marks a project as the platform's Keycloak-compatible OpenID Connect server.
    // The server learns its public URL (the issuer in every token) and a durable data folder;
    // every resource that references it gets what Keycloak.AuthServices.Aspire.Hosting injects:
    // Keycloak__AuthServerUrl and Keycloak__Realm.
    public static IResourceBuilder<ProjectResource> AsIdentityProvider(this IResourceBuilder<ProjectResource> builder, string realm)
    {
        var identity = builder.Resource;
        var publicUrl = identity.PrimaryEndpoint.Url;

        builder.WithEnvironment("Identity__PublicUrl", publicUrl);
        var dataDirectory = builder.ApplicationBuilder.DataDirectoryFor(identity.Name);
        identity.Environment.Add(environment =>
            environment["Identity__DataDirectory"] = Directory.CreateDirectory(dataDirectory).FullName);

        identity.ReferenceEnvironment.Add(environment =>
        {
            environment["Keycloak__AuthServerUrl"] = publicUrl;
            environment["Keycloak__Realm"] = realm;
        });
        return builder;
    }
}
