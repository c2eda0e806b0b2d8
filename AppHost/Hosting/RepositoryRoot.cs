namespace Samverkan.AppHost.Hosting;

public static class RepositoryRoot
{
    public const string SolutionFileName = "Platform.sln";

    // The launcher's own output folder lies inside the repository it was built from, so start
    // there; fall back to the working directory (e.g. a dll copied elsewhere but run from the repo).
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
                {
                    return directory.FullName;
                }
            }
        }

        throw new LaunchFailedException(
            $"Cannot find {SolutionFileName} above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}. " +
            "Run the launcher from inside the Samverkan repository.");
    }
}
