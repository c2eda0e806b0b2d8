using Samverkan.TestSupport.Telemetry;
using SpanKind = Samverkan.TestSupport.Telemetry.Otlp.Trace.V1.Span.Types.SpanKind;

namespace Samverkan.EndToEnd.Tests;

// Read from what the processes exported: a call through the gateway is one trace continuing the
// caller's traceparent: the gateway's SERVER span, the service's SERVER span under it, the service's
// store commit (CLIENT) under that, and the access log chaining the call's access record (CONSUMER,
// via the store's audit channel) under the service's span too.
public static class PlatformTrace
{
    private const string Gateway = "gateway";
    private const string AccessLog = "access-log";
    private const string StoreCommit = "store commit";
    private const string RecordChained = "access record chained";

    public static async Task AssertGatewayServiceStoreAccessLogAsync(ReceivedTelemetry received, CallerTrace caller, string service, TimeSpan timeout)
    {
        try
        {
            await received.WaitForAsync(r => Find(r, caller, service).Chained is not null, timeout,
                $"gateway -> {service} -> {StoreCommit} and {AccessLog} in trace {caller.TraceId}");
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"{e.Message}{Environment.NewLine}Spans of the trace:{Environment.NewLine}" +
                string.Join(Environment.NewLine, received.SpansOfTrace(caller.TraceId)));
        }

        var (gateway, server, commit, chained) = Find(received, caller, service);
        Assert.Equal(caller.SpanId, gateway!.ParentSpanId);
        Assert.Equal(Gateway, received.Parent(server!)!.ServiceName);
        Assert.True(received.IsDescendantOf(server!, gateway));
        Assert.True(received.IsDescendantOf(commit!, server!));
        Assert.Equal(SpanKind.Client, commit!.Kind);
        Assert.True(received.IsDescendantOf(chained!, server!));
        Assert.Equal(SpanKind.Consumer, chained!.Kind);
    }

    private static (ReceivedSpan? Gateway, ReceivedSpan? Server, ReceivedSpan? Commit, ReceivedSpan? Chained) Find(
        ReceivedTelemetry received, CallerTrace caller, string service)
    {
        var trace = received.SpansOfTrace(caller.TraceId).ToList();
        var gateway = trace.FirstOrDefault(s => s.ServiceName == Gateway && s.Kind == SpanKind.Server && s.ParentSpanId == caller.SpanId);
        var server = gateway is null ? null : trace.FirstOrDefault(s => s.ServiceName == service && s.Kind == SpanKind.Server &&
            received.Parent(s)?.ServiceName == Gateway && received.IsDescendantOf(s, gateway));
        var commit = server is null ? null : trace.FirstOrDefault(s => s.ServiceName == service && s.Kind == SpanKind.Client &&
            s.Name == StoreCommit && received.IsDescendantOf(s, server));
        var chained = commit is null ? null : trace.FirstOrDefault(s => s.ServiceName == AccessLog && s.Name == RecordChained &&
            received.IsDescendantOf(s, server!));
        return (gateway, server, commit, chained);
    }
}
