using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace Samverkan.EndToEnd.Tests;

// A launch that cannot succeed says which resource is at fault and leaves nothing running.
public sealed class LaunchFailureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_taken_port_fails_the_launch_naming_the_resource_before_anything_starts()
    {
        using var workspace = new TestWorkspace();
        var offset = await PortOffsets.FindFreeAsync(workspace, output);
        var sipPlansPort = 5301 + offset;
        using var squatter = new TcpListener(IPAddress.Loopback, sipPlansPort);
        squatter.Start();

        await using var appHost = AppHostProcess.Start(workspace.StateFile, ["--port-offset", offset.ToString(), "--data-dir", workspace.DataDirectory], output);

        Assert.Equal(1, await appHost.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains($"Port {sipPlansPort} for resource 'sip-plans' (endpoint http) is already in use", appHost.Output);
        var state = LaunchState.TryRead(workspace.StateFile)!;
        Assert.Equal("Failed", state.State);
        Assert.All(state.Resources, r => Assert.Null(r.Pid));
    }

    [Fact]
    public async Task A_store_that_dies_at_start_fails_the_launch_with_its_last_output_and_stops_the_others()
    {
        using var workspace = new TestWorkspace();
        var offset = await PortOffsets.FindFreeAsync(workspace, output);
        // redis-server refuses to start on an unreadable append-only-file manifest.
        var aof = Directory.CreateDirectory(Path.Combine(workspace.DataDirectory, "store", "appendonlydir"));
        await File.WriteAllTextAsync(Path.Combine(aof.FullName, "appendonly.aof.manifest"), "not a manifest\n");

        await using var appHost = AppHostProcess.Start(workspace.StateFile,
            ["--store", "redis", "--port-offset", offset.ToString(), "--data-dir", workspace.DataDirectory], output);

        Assert.Equal(1, await appHost.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        Assert.Contains("Resource 'store' exited with code 1 while starting.", appHost.Output);
        Assert.Contains("Invalid AOF manifest file format", appHost.Output);

        var state = LaunchState.TryRead(workspace.StateFile)!;
        Assert.Equal("Failed", state.State);
        Assert.Equal("Failed", state["store"].State);
        // Everything that waits for the store never started; whatever did start is gone.
        Assert.Null(state["discharge-notices"].Pid);
        Assert.DoesNotContain(state.Resources, r => r.Pid is not null && ProcessProbe.IsRunning(r.Pid.Value));
    }
}
