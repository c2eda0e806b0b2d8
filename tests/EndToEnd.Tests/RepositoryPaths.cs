using System.Reflection;

namespace Samverkan.EndToEnd.Tests;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    // The AppHost built in the same configuration as these tests (a build-only project reference).
    public static string AppHostDll { get; } = Path.Combine(
        Root, "AppHost", "bin",
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
        "net10.0", "Samverkan.AppHost.dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Platform.sln not found above {AppContext.BaseDirectory}.");
    }
}
