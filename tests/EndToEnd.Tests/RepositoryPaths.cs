using System.Reflection;

namespace Samverkan.EndToEnd.Tests;

public static class RepositoryPaths
{
    public static string Root => Samverkan.TestSupport.Processes.RepositoryPaths.Root;

    // The AppHost built in the same configuration as these tests (a project reference).
    public static string AppHostDll { get; } = Path.Combine(
        Root, "AppHost", "bin",
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
        "net10.0", "Samverkan.AppHost.dll");
}
