using System.Diagnostics;
using Grpc.Core;

namespace Samverkan.EndToEnd.Tests;

// A trace context chosen by the test, sent as `traceparent` the way an instrumented integrating system
// sends it, so the spans of one call can be found by trace id among everything the platform exports.
public sealed record CallerTrace(string TraceId, string SpanId)
{
    public static CallerTrace New() => new(ActivityTraceId.CreateRandom().ToHexString(), ActivitySpanId.CreateRandom().ToHexString());

    // W3C Trace Context, version 00, sampled.
    public string TraceParent => $"00-{TraceId}-{SpanId}-01";

    public Metadata AddTo(Metadata headers)
    {
        headers.Add("traceparent", TraceParent);
        return headers;
    }
}
