using Grpc.Core;
using Samverkan.TestSupport.Telemetry.Otlp.Collector.Logs.V1;

namespace Samverkan.TestSupport.Telemetry;

// opentelemetry.proto.collector.logs.v1.LogsService/Export
internal sealed class OtlpLogsService(ReceivedTelemetry received) : LogsService.LogsServiceBase
{
    public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
    {
        received.Add(request);
        return Task.FromResult(new ExportLogsServiceResponse());
    }
}
