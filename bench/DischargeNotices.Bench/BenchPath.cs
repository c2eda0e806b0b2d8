using DischargeNoticesService = Samverkan.Contracts.Discharge.V1.DischargeNotices;

namespace Samverkan.DischargeNotices.Bench;

// One way of reaching the discharge service, and the processes (ProcessCpu names) that serve it.
public sealed record BenchPath(string Name, DischargeNoticesService.DischargeNoticesClient Client, string? Gateway, string Service)
{
    public const string Direct = "direct";
    public const string ViaGateway = "via gateway";
    public const string WithoutAccessRecords = "via gateway, no access records";

    public IEnumerable<string> ServingProcesses => Gateway is null ? ["client", "store", Service] : ["client", "store", Gateway, Service];
}
