using System.Diagnostics;
using Samverkan.Contracts.Audit.V1;

namespace Samverkan.AccessLog.Collection;

// The access log's part of a traced call: one span per chained record, a child of the operation that
// recorded the access (its trace_id and span_id), so a call shows as one trace from the gateway to
// the access log although the record travelled through the store. The span carries only the source
// service's name: nothing of the record.
public static class AccessLogTracing
{
    public static readonly ActivitySource Source = new("Samverkan.AccessLog");

    public static void Chained(string sourceService, IEnumerable<AccessRecord?> records, DateTimeOffset batchStarted)
    {
        if (!Source.HasListeners())
        {
            return;
        }

        foreach (var record in records)
        {
            if (record is null || !TryParent(record, out var parent))
            {
                continue;
            }

            using var activity = Source.StartActivity("access record chained", ActivityKind.Consumer, parent, startTime: batchStarted);
            activity?.SetTag("samverkan.access_log.source", sourceService);
        }
    }

    private static bool TryParent(AccessRecord record, out ActivityContext parent)
    {
        parent = default;
        if (record.TraceId.Length != 32 || record.SpanId.Length != 16)
        {
            return false;
        }

        try
        {
            parent = new ActivityContext(ActivityTraceId.CreateFromString(record.TraceId), ActivitySpanId.CreateFromString(record.SpanId),
                ActivityTraceFlags.Recorded, isRemote: true);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // Not hex: a record from an unknown producer; chained anyway, just not traced.
            return false;
        }
    }
}
