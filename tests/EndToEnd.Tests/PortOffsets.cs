using Xunit.Abstractions;

namespace Samverkan.EndToEnd.Tests;

public static class PortOffsets
{
    // Offsets 10000-16000 put every port (defaults 5000-16379) between 15000 and 32379: below Linux'
    // ephemeral range (32768+), so outgoing connections of other processes do not take them.
    private const int Minimum = 10000;
    private const int Maximum = 16000;

    // Asks the AppHost itself (--dry-run checks every port it would use) until an offset is free.
    public static async Task<int> FindFreeAsync(TestWorkspace workspace, ITestOutputHelper output)
    {
        var stateFile = Path.Combine(workspace.Root, "dry-run.json");
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var offset = Random.Shared.Next(Minimum, Maximum);
            await using var dryRun = AppHostProcess.Start(stateFile, ["--dry-run", "--port-offset", offset.ToString()], output);
            if (await dryRun.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0)
            {
                return offset;
            }
        }

        throw new InvalidOperationException("No free port offset found in 10 attempts.");
    }
}
