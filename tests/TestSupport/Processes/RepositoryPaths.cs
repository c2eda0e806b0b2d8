namespace Samverkan.TestSupport.Processes;

// Locates the repository and the build output of its projects from a test's bin directory.
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(string relative) => Path.Combine(Root, relative);

    // The built Samverkan.{Project}.dll, in the same configuration as the tests when it exists.
    // Test projects that start a project as a process reference it with
    // <ProjectReference ... ReferenceOutputAssembly="false" /> so `dotnet test` builds it first.
    public static string ProjectDll(string project)
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var bin = Path.Combine(Root, "src", project, "bin");
        var preferred = Path.Combine(bin, configuration, "net10.0", $"Samverkan.{project}.dll");
        if (File.Exists(preferred)) return preferred;

        var any = Directory.Exists(bin)
            ? Directory.GetFiles(bin, $"Samverkan.{project}.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        return any ?? throw new FileNotFoundException(
            $"Samverkan.{project}.dll is not built. Run `dotnet build src/{project}` or add a ProjectReference with ReferenceOutputAssembly=\"false\" to the test project.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Platform.sln not found above {AppContext.BaseDirectory}.");
    }
}
