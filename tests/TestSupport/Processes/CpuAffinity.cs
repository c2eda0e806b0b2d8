using System.Diagnostics;

namespace Samverkan.TestSupport.Processes;

// Pins every thread of a process to a set of CPUs (`taskset -a`); threads started later inherit
// the mask of the thread that starts them, so the whole process stays there.
public static class CpuAffinity
{
    public static bool IsAvailable => OperatingSystem.IsLinux() && Environment.ProcessorCount >= 2 && File.Exists("/usr/bin/taskset");

    public static void Pin(int processId, string cpus)
    {
        using var taskset = Process.Start(new ProcessStartInfo("taskset", ["-a", "-cp", cpus, processId.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("taskset could not be started.");
        taskset.WaitForExit();
        if (taskset.ExitCode != 0)
        {
            throw new InvalidOperationException($"taskset -a -cp {cpus} {processId} failed: {taskset.StandardError.ReadToEnd().Trim()}");
        }
    }
}
