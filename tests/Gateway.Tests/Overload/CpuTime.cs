using System.Diagnostics;

namespace Samverkan.Gateway.Tests.Overload;

// CPU time the gateway process and this test process (storm generator, quiet caller and the
// in-process echo backend) used over a run: what each storm call costs, where.
public sealed class CpuTime
{
    private readonly Process _gateway;
    private readonly TimeSpan _gatewayStart;
    private readonly TimeSpan _selfStart;

    private CpuTime(int gatewayProcessId)
    {
        _gateway = Process.GetProcessById(gatewayProcessId);
        _gatewayStart = _gateway.TotalProcessorTime;
        _selfStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    public static CpuTime Start(int gatewayProcessId) => new(gatewayProcessId);

    public (TimeSpan Gateway, TimeSpan Self) Stop()
    {
        _gateway.Refresh();
        var used = (_gateway.TotalProcessorTime - _gatewayStart, Process.GetCurrentProcess().TotalProcessorTime - _selfStart);
        _gateway.Dispose();
        return used;
    }
}
