using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Samverkan.TestSupport.Telemetry;
using Xunit.Sdk;
using SpanKind = Samverkan.TestSupport.Telemetry.Otlp.Trace.V1.Span.Types.SpanKind;

namespace Samverkan.EndToEnd.Tests;

// The test receiver and the privacy assertion, fed by the real OpenTelemetry .NET OTLP/gRPC exporter in
// this process: the receiver decodes what the platform's processes send (field numbers right), and the
// assertion goes red for a value in a span, a log record or a metric data point.
public sealed class OtlpReceiverTests : IAsyncLifetime
{
    private const string Source = "Samverkan.TestSupport.Probe";
    private const string Leak = "19121212-1212";

    private OtlpReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await OtlpReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Receives_spans_with_ids_parents_kinds_attributes_and_events_from_the_OpenTelemetry_exporter()
    {
        string traceId, parentId;
        using (var tracing = Tracing())
        using (var source = new ActivitySource(Source))
        {
            using (var parent = source.StartActivity("probe parent", ActivityKind.Server)!)
            {
                traceId = parent.TraceId.ToHexString();
                parentId = parent.SpanId.ToHexString();
                using var child = source.StartActivity("probe child", ActivityKind.Client)!;
                child.SetTag("probe.count", 3);
                child.AddEvent(new ActivityEvent("probe event", tags: new ActivityTagsCollection { ["probe.kind"] = "event" }));
                child.SetStatus(ActivityStatusCode.Error, "probe failed");
            }

            tracing.ForceFlush();
        }

        var spans = _receiver.Received.SpansOfTrace(traceId).ToList();
        Assert.Equal(2, spans.Count);
        var parentSpan = Assert.Single(spans, s => s.Name == "probe parent");
        Assert.Equal((parentId, SpanKind.Server, null as string), (parentSpan.SpanId, parentSpan.Kind, parentSpan.ParentSpanId));
        Assert.Equal("otlp-probe", parentSpan.ServiceName);
        Assert.Equal(Source, parentSpan.ScopeName);

        var childSpan = Assert.Single(_receiver.Received.SpansOf("otlp-probe", SpanKind.Client, "probe child"));
        Assert.Same(parentSpan, _receiver.Received.Parent(childSpan));
        Assert.True(_receiver.Received.IsDescendantOf(childSpan, parentSpan));
        Assert.Equal("3", childSpan.Attributes["probe.count"]);
        Assert.Equal("probe failed", childSpan.Span.Status.Message);
        var probeEvent = Assert.Single(childSpan.Span.Events);
        Assert.Equal("probe event", probeEvent.Name);

        TelemetryPrivacy.AssertNoneContains(_receiver.Received, TelemetryPrivacy.PersonalIdentityNumberForms("191212121212"));
    }

    [Theory]
    [InlineData("span name")]
    [InlineData("span attribute")]
    [InlineData("span event")]
    [InlineData("span status")]
    public void A_personal_identity_number_in_a_span_fails_the_privacy_assertion(string where)
    {
        using (var tracing = Tracing())
        using (var source = new ActivitySource(Source))
        {
            using (var activity = source.StartActivity(where == "span name" ? $"lookup {Leak}" : "lookup", ActivityKind.Internal)!)
            {
                switch (where)
                {
                    case "span attribute": activity.SetTag("patient", Leak); break;
                    case "span event": activity.AddEvent(new ActivityEvent("found", tags: new ActivityTagsCollection { ["who"] = Leak })); break;
                    case "span status": activity.SetStatus(ActivityStatusCode.Error, $"no case for {Leak}"); break;
                }
            }

            tracing.ForceFlush();
        }

        AssertLeakFound(where switch
        {
            "span name" => "span 'lookup 19121212-1212' (Internal) from otlp-probe: name",
            "span attribute" => "span 'lookup' (Internal) from otlp-probe: attribute 'patient'",
            "span event" => "span 'lookup' (Internal) from otlp-probe: event 'found' attribute 'who'",
            _ => "span 'lookup' (Internal) from otlp-probe: status message",
        });
    }

    [Fact]
    public void A_personal_identity_number_in_a_log_message_fails_the_privacy_assertion()
    {
        using (var logging = LoggerFactory.Create(builder => builder.AddOpenTelemetry(options =>
               {
                   options.SetResourceBuilder(Resource());
                   options.IncludeFormattedMessage = true;
                   options.AddOtlpExporter(Otlp);
               })))
        {
            logging.CreateLogger("Probe").LogWarning("No case for {Patient}", Leak);
        }

        var record = Assert.Single(_receiver.Received.LogRecordsOf("otlp-probe"));
        Assert.Equal("Probe", record.ScopeName);
        Assert.Equal(Leak, record.Attributes["Patient"]);
        AssertLeakFound("log record of Probe");
    }

    [Fact]
    public void A_personal_identity_number_in_a_metric_attribute_fails_the_privacy_assertion()
    {
        using (var metering = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(Resource()).AddMeter(Source).AddOtlpExporter(Otlp).Build())
        using (var meter = new Meter(Source))
        {
            meter.CreateCounter<long>("probe.lookups").Add(1, new KeyValuePair<string, object?>("patient", Leak));
            metering.ForceFlush();
        }

        // Cumulative: the flush on disposal exports the same point again.
        var points = _receiver.Received.DataPointsOf("otlp-probe", "probe.lookups").ToList();
        Assert.NotEmpty(points);
        Assert.All(points, point => Assert.Equal(Leak, point.Attributes["patient"]));
        AssertLeakFound("data point of metric 'probe.lookups'");
    }

    [Fact]
    public void Every_written_form_of_a_personal_identity_number_is_looked_for()
    {
        Assert.Equal(
            ["191212121212", "19121212-1212", "1212121212", "121212-1212", "121212+1212"],
            TelemetryPrivacy.PersonalIdentityNumberForms("191212121212"));
        Assert.Throws<ArgumentException>(() => TelemetryPrivacy.PersonalIdentityNumberForms("121212-1212"));
    }

    private void AssertLeakFound(string location)
    {
        var failure = Assert.Throws<XunitException>(() =>
            TelemetryPrivacy.AssertNoneContains(_receiver.Received, TelemetryPrivacy.PersonalIdentityNumberForms("191212121212")));
        Assert.Contains(location, failure.Message);
        Assert.Contains($"'{Leak}'", failure.Message);
    }

    private TracerProvider Tracing() =>
        Sdk.CreateTracerProviderBuilder().SetResourceBuilder(Resource()).AddSource(Source).AddOtlpExporter(Otlp).Build()!;

    private static ResourceBuilder Resource() => ResourceBuilder.CreateEmpty().AddService("otlp-probe");

    private void Otlp(OtlpExporterOptions options)
    {
        options.Endpoint = _receiver.Endpoint;
        options.Protocol = OtlpExportProtocol.Grpc;
    }
}
