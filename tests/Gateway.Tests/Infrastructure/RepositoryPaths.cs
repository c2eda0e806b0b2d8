namespace Samverkan.Gateway.Tests.Infrastructure;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    // The test assembly's build configuration ("Debug"/"Release"): bin/{Configuration}/{tfm}/.
    private static string Configuration =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string TargetFramework =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;

    // The built entry assembly of src/{project}, e.g. src/Gateway/bin/Debug/net10.0/Samverkan.Gateway.dll.
    public static string ProjectAssembly(string project)
    {
        var path = Path.Combine(Root, "src", project, "bin", Configuration, TargetFramework, $"Samverkan.{project}.dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Build src/{project} first (it is a project reference of the tests).", path);
        }
        return path;
    }

    public static string SourceFile(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Platform.sln not found above the test assembly.");
    }
}
