using System.Globalization;
using Grpc.Core;
using Samverkan.Gateway.Tests.Infrastructure;
using Samverkan.Gateway.Tests.Protos;
using Xunit.Abstractions;

namespace Samverkan.Gateway.Tests.Overload;

// Issue #22: a system that retries immediately after ResourceExhausted must get ResourceExhausted
// (with a retry hint) and nothing else - no Internal/Unknown, no aborted calls on its connection -
// and another municipality's system is served meanwhile. The short form of bench/overload/run.sh.
[Collection(GatewayCollection.Name)]
public sealed class RetryStormTests(GatewayFixture gateway, ITestOutputHelper output)
{
    [Fact]
    public async Task A_retry_storm_gets_only_ResourceExhausted_with_a_retry_hint_while_another_system_is_served()
    {
        var storming = gateway.Channel(await gateway.SystemTokenAsync(GatewayFixture.StormingSystemAlias));
        var quietClient = new Echo.EchoClient(gateway.Channel(await gateway.SystemTokenAsync("borlange")));

        var before = new QuietCaller(quietClient);
        await before.RunAsync(OverloadRun.QuietSamples, CancellationToken.None);

        using var stop = new CancellationTokenSource();
        var during = new QuietCaller(quietClient);
        var quietRun = during.RunAsync(int.MaxValue, stop.Token);
        var cpu = CpuTime.Start(gateway.Gateway.ProcessId);
        var storm = await RetryStorm.RunAsync(storming, OverloadRun.Callers, OverloadRun.Duration);
        var used = cpu.Stop();
        await stop.CancelAsync();
        await quietRun;

        var line = string.Create(CultureInfo.InvariantCulture,
            $"storm: {OverloadRun.Callers} callers x {OverloadRun.Duration.TotalSeconds} s: {storm.Calls} calls ({storm}); " +
            $"quiet system before: {before}; during: {during}; " +
            $"gateway CPU {used.Gateway.TotalMilliseconds / storm.Calls * 1000:F0} µs per storm call, generator and echo {used.Self.TotalMilliseconds / storm.Calls * 1000:F0} µs");
        output.WriteLine(line);
        OverloadRun.Report(line);
        // For bench/overload/run.sh's verdict (the fairness bound is checked there, not here: no timed tests).
        OverloadRun.Report(string.Create(CultureInfo.InvariantCulture,
            $"fairness quiet_p99_before_ms={before.Percentile(0.99):F1} quiet_p99_during_ms={during.Percentile(0.99):F1} " +
            $"gateway_us_per_storm_call={used.Gateway.TotalMilliseconds / storm.Calls * 1000:F0} storm_calls_per_s={storm.Calls / OverloadRun.Duration.TotalSeconds:F0}"));

        Assert.True(storm.Statuses.Keys.All(s => s is StatusCode.OK or StatusCode.ResourceExhausted), storm.ToString());
        Assert.True(storm.Statuses.GetValueOrDefault(StatusCode.ResourceExhausted) > 0, "the storm was never refused: " + storm);
        Assert.Equal(0, storm.RefusalsWithoutHint);
        Assert.True(before.Failures.Count == 0, string.Join("; ", before.Failures.Take(5)));
        Assert.True(during.Failures.Count == 0, string.Join("; ", during.Failures.Take(5)));
    }
}
