using Grpc.Core;
using Samverkan.TestSupport.Telemetry.Otlp.Collector.Trace.V1;

namespace Samverkan.TestSupport.Telemetry;

// opentelemetry.proto.collector.trace.v1.TraceService/Export
internal sealed class OtlpTraceService(ReceivedTelemetry received) : TraceService.TraceServiceBase
{
    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
    {
        received.Add(request);
        return Task.FromResult(new ExportTraceServiceResponse());
    }
}
