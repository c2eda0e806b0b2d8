namespace Samverkan.EndToEnd.Tests;

// A temporary folder per test for the data directory and the state file, so tests never touch a
// developer's .apphost/.
public sealed class TestWorkspace : IDisposable
{
    public TestWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("samverkan-e2e-").FullName;
    }

    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    public string StateFile => Path.Combine(Root, "resources.json");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
