using Grpc.Core;
using Samverkan.TestSupport.Telemetry.Otlp.Collector.Metrics.V1;

namespace Samverkan.TestSupport.Telemetry;

// opentelemetry.proto.collector.metrics.v1.MetricsService/Export
internal sealed class OtlpMetricsService(ReceivedTelemetry received) : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        received.Add(request);
        return Task.FromResult(new ExportMetricsServiceResponse());
    }
}
