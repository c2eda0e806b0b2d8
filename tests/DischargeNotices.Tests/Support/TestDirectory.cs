using Samverkan.SharedKernel.Directory;

namespace Samverkan.DischargeNotices.Tests.Support;

// The unit directory that ships with the platform (deploy/directory/units.json).
public static class TestDirectory
{
    public static readonly string Path = Find();

    public static readonly UnitDirectory Shipped = UnitDirectoryJson.Load(Path);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "deploy", "directory", "units.json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("deploy/directory/units.json not found above " + AppContext.BaseDirectory);
    }
}
