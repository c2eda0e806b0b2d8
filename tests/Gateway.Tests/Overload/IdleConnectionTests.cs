using System.Globalization;
using System.Net;
using Samverkan.Gateway.Tests.Infrastructure;
using Samverkan.Gateway.Tests.Protos;
using Xunit.Abstractions;

namespace Samverkan.Gateway.Tests.Overload;

// Issue #22, connection hygiene: idle and half-open connections are closed by the gateway
// (Kestrel:Limits:KeepAliveTimeout, short in the test gateway), one address cannot hold more than
// Gateway:Connections:MaxPerAddress connections, and normal callers are served meanwhile.
[Collection(GatewayCollection.Name)]
public sealed class IdleConnectionTests(GatewayFixture gateway, ITestOutputHelper output)
{
    [Fact]
    public async Task Idle_and_half_open_connections_are_closed_and_normal_callers_are_served_meanwhile()
    {
        var quietClient = new Echo.EchoClient(gateway.Channel(await gateway.SystemTokenAsync("borlange")));
        var before = new QuietCaller(quietClient);
        await before.RunAsync(OverloadRun.QuietSamples, CancellationToken.None);

        using var idle = await IdleConnections.OpenAsync(gateway.GrpcAddress, OverloadRun.IdleConnections,
            GatewayTimings.MaxConnectionsPerAddress, firstAddress: 2);
        var openAtStart = idle.Count - idle.ClosedSoFar;
        var during = new QuietCaller(quietClient);
        using (var window = new CancellationTokenSource(GatewayTimings.KeepAliveTimeout / 3))
        {
            await during.RunAsync(OverloadRun.QuietSamples, window.Token);
        }
        var openAtEnd = idle.Count - idle.ClosedSoFar;
        var closed = await idle.ClosedByServerAsync(GatewayTimings.KeepAliveTimeout + TimeSpan.FromSeconds(30));

        var line = string.Create(CultureInfo.InvariantCulture,
            $"idle: {idle.Count} idle/half-open connections ({openAtStart} open when the quiet calls began, {openAtEnd} when they ended, {closed} closed by the gateway); " +
            $"quiet system before: {before}; with idle connections: {during}");
        output.WriteLine(line);
        OverloadRun.Report(line);

        Assert.True(before.Failures.Count == 0, string.Join("; ", before.Failures.Take(5)));
        Assert.True(during.Failures.Count == 0, string.Join("; ", during.Failures.Take(5)));
        Assert.Equal(idle.Count, openAtStart);
        Assert.Equal(idle.Count, closed);
    }

    [Fact]
    public async Task A_connection_beyond_the_per_address_limit_is_closed_at_once_and_the_others_stay()
    {
        var source = IPAddress.Parse("127.0.0.200");
        using var connections = new IdleConnections();
        var first = await connections.OpenOneAsync(gateway.GrpcAddress, source, sendPreface: true);
        for (var i = 1; i < GatewayTimings.MaxConnectionsPerAddress; i++)
        {
            await connections.OpenOneAsync(gateway.GrpcAddress, source, sendPreface: true);
        }

        var extra = await connections.OpenOneAsync(gateway.GrpcAddress, source, sendPreface: true);

        var closedFirst = await Task.WhenAny(extra, Task.Delay(GatewayTimings.KeepAliveTimeout / 2));
        Assert.Same(extra, closedFirst);
        Assert.False(first.IsCompleted, "a connection within the limit was closed too");
    }
}
