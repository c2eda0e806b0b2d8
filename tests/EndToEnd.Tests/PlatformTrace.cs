using Samverkan.TestSupport.Telemetry;
using SpanKind = Samverkan.TestSupport.Telemetry.Otlp.Trace.V1.Span.Types.SpanKind;

namespace Samverkan.EndToEnd.Tests;

// Issue #4's promise, read from what the processes exported: a call through the gateway is one trace,
// gateway -> service -> store, continuing the caller's traceparent.
public static class PlatformTrace
{
    private const string Gateway = "gateway";
    private const string StoreCommit = "store commit";

    // Waits (exports are batched) until the caller's trace holds the gateway's SERVER span (child of
    // the caller's span), the service's SERVER span under a gateway span, and a store commit CLIENT span
    // of the service under that; fails listing the trace's spans otherwise.
    public static async Task AssertGatewayServiceStoreAsync(ReceivedTelemetry received, CallerTrace caller, string service, TimeSpan timeout)
    {
        try
        {
            await received.WaitForAsync(r => Find(r, caller, service).Commit is not null, timeout,
                $"gateway -> {service} -> {StoreCommit} in trace {caller.TraceId}");
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"{e.Message}{Environment.NewLine}Spans of the trace:{Environment.NewLine}" +
                string.Join(Environment.NewLine, received.SpansOfTrace(caller.TraceId)));
        }

        var (gateway, server, commit) = Find(received, caller, service);
        Assert.Equal(caller.SpanId, gateway!.ParentSpanId);
        Assert.Equal(Gateway, received.Parent(server!)!.ServiceName);
        Assert.True(received.IsDescendantOf(server!, gateway));
        Assert.True(received.IsDescendantOf(commit!, server!));
        Assert.Equal(SpanKind.Client, commit!.Kind);
    }

    private static (ReceivedSpan? Gateway, ReceivedSpan? Server, ReceivedSpan? Commit) Find(ReceivedTelemetry received, CallerTrace caller, string service)
    {
        var trace = received.SpansOfTrace(caller.TraceId).ToList();
        var gateway = trace.FirstOrDefault(s => s.ServiceName == Gateway && s.Kind == SpanKind.Server && s.ParentSpanId == caller.SpanId);
        if (gateway is null)
        {
            return (null, null, null);
        }

        var server = trace.FirstOrDefault(s => s.ServiceName == service && s.Kind == SpanKind.Server &&
            received.Parent(s)?.ServiceName == Gateway && received.IsDescendantOf(s, gateway));
        if (server is null)
        {
            return (gateway, null, null);
        }

        var commit = trace.FirstOrDefault(s => s.ServiceName == service && s.Kind == SpanKind.Client && s.Name == StoreCommit &&
            received.IsDescendantOf(s, server));
        return (gateway, server, commit);
    }
}
