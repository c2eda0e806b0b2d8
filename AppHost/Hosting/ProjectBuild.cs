using System.Diagnostics;
using System.Text.Json;

namespace Samverkan.AppHost.Hosting;

// Builds exactly the projects about to be launched, once, in one MSBuild run (a solution filter
// written for the occasion), so no child has to `dotnet run` and build on its own. The build
// writes straight to the terminal: MSBuild's own progress display on a TTY, plain lines in CI.
public static class ProjectBuild
{
    public static async Task RunAsync(string repositoryRoot, IReadOnlyList<string> projectFiles, LauncherConsole console, CancellationToken cancellationToken)
    {
        var filter = Path.Combine(Path.GetTempPath(), $"samverkan-apphost-{Environment.ProcessId}.slnf");
        var solution = Path.Combine(repositoryRoot, RepositoryRoot.SolutionFileName);
        await File.WriteAllTextAsync(filter, JsonSerializer.Serialize(new
        {
            solution = new
            {
                path = solution,
                projects = projectFiles.Select(p => Path.GetRelativePath(repositoryRoot, p)).ToArray(),
            },
        }), cancellationToken);

        console.Info($"Building {projectFiles.Count} projects ({Executables.Configuration}) ...");
        var stopwatch = Stopwatch.StartNew();
        var startInfo = new ProcessStartInfo(Executables.DotnetHost)
        {
            // No reused MSBuild nodes: nothing of the build should outlive the launcher.
            ArgumentList = { "build", filter, "-c", Executables.Configuration, "-nologo", "-nodeReuse:false" },
            WorkingDirectory = repositoryRoot,
            UseShellExecute = false,
        };

        try
        {
            using var build = Process.Start(startInfo)!;
            try
            {
                await build.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                build.Kill(entireProcessTree: true);
                throw;
            }

            if (build.ExitCode != 0)
            {
                throw new LaunchFailedException(
                    $"The build failed (exit code {build.ExitCode}); the errors are above. Nothing was started.");
            }
        }
        finally
        {
            File.Delete(filter);
        }

        console.Info($"Build succeeded in {stopwatch.Elapsed.TotalSeconds:0.0} s.");
    }
}
