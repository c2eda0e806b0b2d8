using System.Diagnostics;

namespace Samverkan.AppHost.Hosting;

// One started child: its output is forwarded line by line (prefixed by the console) and the
// last lines are kept for failure messages.
public sealed class ResourceProcess
{
    private const int TailLength = 20;

    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly Lock _tailGate = new();

    private ResourceProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    // Completes once the process has exited and its output is fully read.
    public Task Exited { get; private set; } = Task.CompletedTask;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ResourceProcess Start(ProcessStartInfo startInfo, Action<string> onLine)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;

        var child = new ResourceProcess(new Process { StartInfo = startInfo, EnableRaisingEvents = true });
        child._process.OutputDataReceived += (_, e) => child.Receive(e.Data, onLine);
        child._process.ErrorDataReceived += (_, e) => child.Receive(e.Data, onLine);
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        child.Exited = child._process.WaitForExitAsync();
        return child;
    }

    public IReadOnlyList<string> Tail()
    {
        lock (_tailGate)
        {
            return [.. _tail];
        }
    }

    // SIGTERM first; whatever is still running after the grace period (or on a second Ctrl+C)
    // is killed with its whole process tree.
    public async Task StopAsync(TimeSpan gracePeriod, CancellationToken force)
    {
        if (_process.HasExited)
        {
            await Exited;
            return;
        }

        ProcessSignals.RequestStop(_process);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(force);
        grace.CancelAfter(gracePeriod);
        try
        {
            await Exited.WaitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await Exited;
        }
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void Receive(string? line, Action<string> onLine)
    {
        if (line is null)
        {
            return;
        }

        lock (_tailGate)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLength)
            {
                _tail.Dequeue();
            }
        }

        onLine(line);
    }
}
