namespace Samverkan.AppHost.Platform;

public static class HostEnvironmentExtensions
{
    // Aspire gives a project the environment of the project's own launch profile and does not pass on
    // the AppHost's (DCP drops ASPNETCORE_ENVIRONMENT from what children inherit). Our services have no
    // launch profiles of their own, so without this they would run as Production: refusing the local
    // plain-HTTP identity server, and without the development realm and keys. Every project runs in the
    // AppHost's environment instead (Development from its launch profile). Call after the last resource.
    public static IDistributedApplicationBuilder RunProjectsInHostEnvironment(this IDistributedApplicationBuilder builder)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName);
        }
        return builder;
    }
}
