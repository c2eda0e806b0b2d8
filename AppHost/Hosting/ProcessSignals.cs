using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Samverkan.AppHost.Hosting;

// .NET can kill a process but not ask it to stop; SIGTERM lets ASP.NET Core and redis-server
// shut down cleanly (flush logs, fsync the AOF).
internal static class ProcessSignals
{
    private const int SIGTERM = 15;

    public static void RequestStop(Process process)
    {
        if (OperatingSystem.IsWindows())
        {
            process.Kill(entireProcessTree: true);
            return;
        }

        _ = kill(process.Id, SIGTERM);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
