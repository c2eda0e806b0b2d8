using System.Runtime.InteropServices;

namespace Samverkan.AppHost.Hosting;

// Ctrl+C, SIGTERM (docker stop, CI timeouts) and SIGHUP (closed terminal) all mean: stop every
// child, record it, exit 0. A second signal skips the grace period.
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _requested = new();
    private readonly CancellationTokenSource _forced = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _count;

    public ShutdownSignal()
    {
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, Handle))];
    }

    public CancellationToken Requested => _requested.Token;

    public CancellationToken Forced => _forced.Token;

    // Set on the signal thread itself, before any cancellation callback has run.
    public bool IsRequested => Volatile.Read(ref _count) > 0;

    public PosixSignal? Signal { get; private set; }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _requested.Dispose();
        _forced.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        // Keep the process alive: we exit ourselves once the children are down.
        context.Cancel = true;
        Signal ??= context.Signal;
        var count = Interlocked.Increment(ref _count);
        // Cancel off the signal thread: cancellation callbacks run synchronously.
        _ = Task.Run(() => (count == 1 ? _requested : _forced).Cancel());
    }
}
