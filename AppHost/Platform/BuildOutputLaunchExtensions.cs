using System.Reflection;

namespace Samverkan.AppHost.Platform;

public static class BuildOutputLaunchExtensions
{
    // DCP starts a project with `dotnet run --no-build --project …`: one more `dotnet` process beside
    // every service for the whole run (about 70 MB each: MSBuild's evaluation of the project), and an
    // evaluation of the project at every start. The AppHost has already built every project it
    // references, in its own configuration, so each one is started from that build output instead:
    // `dotnet exec bin/{configuration}/net10.0/Samverkan.{Project}.dll`, in the project's directory, so
    // the content root and appsettings*.json are the ones `dotnet run` would have used. Environment,
    // endpoints, health checks and telemetry stay Aspire's (the resource is still a project resource).
    // Call after the last resource.
    public static IDistributedApplicationBuilder RunProjectsFromBuildOutput(this IDistributedApplicationBuilder builder)
    {
        var configuration = typeof(BuildOutputLaunchExtensions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var projectPath = project.GetProjectMetadata().ProjectPath;
            var projectDirectory = Path.GetDirectoryName(projectPath)!;
            var assembly = Path.Combine(projectDirectory, "bin", configuration, "net10.0", $"Samverkan.{Path.GetFileNameWithoutExtension(projectPath)}.dll");
            if (!File.Exists(assembly))
            {
                throw new DistributedApplicationException(
                    $"{assembly} is not built. `dotnet run --project AppHost` builds every project it starts; if you built the AppHost another way, run `dotnet build AppHost -c {configuration}`.");
            }
            project.Annotations.Add(new ExecutableAnnotation { Command = "dotnet", WorkingDirectory = projectDirectory });
            // First, before any argument a resource declares for its program.
            project.Annotations.Insert(0, new CommandLineArgsCallbackAnnotation(args =>
            {
                args.Add("exec");
                args.Add(assembly);
            }));
        }
        return builder;
    }
}
