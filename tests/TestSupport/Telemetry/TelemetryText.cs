namespace Samverkan.TestSupport.Telemetry;

// Every piece of text in received telemetry, with where it was: names, attribute keys and values,
// events, links, status messages, log bodies, metric names and data point attributes.
internal static class TelemetryText
{
    public static IEnumerable<(string Location, string Text)> All(ReceivedTelemetry telemetry) =>
        telemetry.Spans.SelectMany(Of)
            .Concat(telemetry.LogRecords.SelectMany(Of))
            .Concat(telemetry.DataPoints.SelectMany(Of));

    private static IEnumerable<(string, string)> Of(ReceivedSpan span)
    {
        var where = $"span '{span.Name}' ({span.Kind}) from {span.ServiceName}";
        yield return ($"{where}: name", span.Name);
        yield return ($"{where}: trace state", span.Span.TraceState);
        yield return ($"{where}: status message", span.Span.Status?.Message ?? "");
        foreach (var (location, text) in Attributes(span.Span.Attributes))
        {
            yield return ($"{where}: {location}", text);
        }

        foreach (var spanEvent in span.Span.Events)
        {
            yield return ($"{where}: event name", spanEvent.Name);
            foreach (var (location, text) in Attributes(spanEvent.Attributes))
            {
                yield return ($"{where}: event '{spanEvent.Name}' {location}", text);
            }
        }

        foreach (var link in span.Span.Links)
        {
            foreach (var (location, text) in Attributes(link.Attributes))
            {
                yield return ($"{where}: link {location}", text);
            }
        }
    }

    private static IEnumerable<(string, string)> Of(ReceivedLogRecord record)
    {
        var where = $"log record of {record.ScopeName} from {record.ServiceName}";
        yield return ($"{where}: body", record.Body);
        yield return ($"{where}: event name", record.Record.EventName);
        yield return ($"{where}: severity text", record.Record.SeverityText);
        foreach (var (location, text) in Attributes(record.Record.Attributes))
        {
            yield return ($"{where}: {location}", text);
        }
    }

    private static IEnumerable<(string, string)> Of(ReceivedDataPoint point)
    {
        var where = $"data point of metric '{point.MetricName}' from {point.ServiceName}";
        yield return ($"{where}: metric name", point.MetricName);
        foreach (var (location, text) in Attributes(point.RawAttributes))
        {
            yield return ($"{where}: {location}", text);
        }

        foreach (var (location, text) in Attributes(point.ExemplarAttributes))
        {
            yield return ($"{where}: exemplar {location}", text);
        }
    }

    private static IEnumerable<(string Location, string Text)> Attributes(IEnumerable<Otlp.Common.V1.KeyValue> attributes)
    {
        foreach (var (key, text) in OtlpValues.Flatten(attributes))
        {
            yield return ("attribute key", key);
            yield return ($"attribute '{key}'", text);
        }
    }
}
