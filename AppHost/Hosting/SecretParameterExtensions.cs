namespace Samverkan.AppHost.Hosting;

public static class SecretParameterExtensions
{
    public static SecretParameter AddGeneratedSecret(this DistributedApplicationBuilder app, string name, int bytes = 32) =>
        new(name, Path.Combine(app.DataDirectoryFor("parameters"), name), bytes);

    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> builder, string name, SecretParameter secret)
    {
        builder.Resource.Environment.Add(environment => environment[name] = secret.Value());
        return builder;
    }
}
