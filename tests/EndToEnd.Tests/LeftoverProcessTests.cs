using System.Diagnostics;
using Xunit.Abstractions;

namespace Samverkan.EndToEnd.Tests;

// A launcher killed with SIGKILL cannot stop its children; the next launch with the same state
// file stops what the dead launcher left running, instead of failing on its ports.
public sealed class LeftoverProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_next_launch_stops_what_a_killed_launcher_left_running_and_starts_healthy()
    {
        using var workspace = new TestWorkspace();
        var offset = await PortOffsets.FindFreeAsync(workspace, output);
        string[] arguments = ["--store", "garnet", "--port-offset", offset.ToString(), "--data-dir", workspace.DataDirectory];

        int[] leftovers = [];
        try
        {
            await using var killed = AppHostProcess.Start(workspace.StateFile, arguments, output);
            var first = await killed.WaitForStateAsync("Healthy", StartTimeout);
            leftovers = [.. first.Resources.Select(r => r.Pid!.Value)];
            killed.Kill(); // SIGKILL: the launcher alone dies, its children keep running
            Assert.All(leftovers, pid => Assert.True(ProcessProbe.IsRunning(pid), $"pid {pid} should have outlived its launcher"));

            await using var next = AppHostProcess.Start(workspace.StateFile, arguments, output);
            var second = await next.WaitForStateAsync("Healthy", StartTimeout);

            Assert.Contains($"The launcher of the previous run (pid {killed.Id}) is gone but left", next.Output);
            Assert.DoesNotContain(leftovers, ProcessProbe.IsRunning);
            Assert.All(second.Resources, r => Assert.DoesNotContain(r.Pid!.Value, leftovers));
            await next.StopAndAssertNoOrphansAsync();
        }
        finally
        {
            // If the launcher under test did not stop them, the test must not leave them running.
            foreach (var pid in leftovers.Where(ProcessProbe.IsRunning))
            {
                try
                {
                    Process.GetProcessById(pid).Kill(entireProcessTree: true);
                }
                catch (ArgumentException)
                {
                    // Gone meanwhile.
                }
            }
        }
    }
}
