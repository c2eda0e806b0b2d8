using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Samverkan.AppHost.Hosting;

// Where the programs the launcher starts live.
public static class Executables
{
    // The dotnet host of the runtime running the launcher, so children run on the same install
    // even when `dotnet` on PATH is another one. Falls back to PATH.
    public static string DotnetHost { get; } = FindDotnetHost();

    // The build configuration and target framework of the launcher itself; projects are built and
    // started with the same ones (a Release launcher starts Release services).
    public static string Configuration { get; } =
        typeof(Executables).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string TargetFramework { get; } =
        "net" + new FrameworkName(AppContext.TargetFrameworkName ?? ".NETCoreApp,Version=v10.0").Version.ToString(2);

    public static string? FindOnPath(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
    }

    // Assembly names follow Directory.Build.props: Samverkan.{ProjectName}.
    public static string ProjectOutputDll(string projectFile) => Path.Combine(
        Path.GetDirectoryName(projectFile)!, "bin", Configuration, TargetFramework,
        $"Samverkan.{Path.GetFileNameWithoutExtension(projectFile)}.dll");

    private static string FindDotnetHost()
    {
        var processPath = Environment.ProcessPath;
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            return processPath;
        }

        // .../dotnet/shared/Microsoft.NETCore.App/10.0.x/ -> .../dotnet/dotnet
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var candidate = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
