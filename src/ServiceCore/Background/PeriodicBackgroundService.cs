using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Samverkan.ServiceCore.Background;

// Work a service repeats on a timer (deadline monitors, retention): one pass at start, then one
// every Interval. A failed pass is logged by exception type only (messages may echo personal data)
// and the next tick tries again; several replicas may run it, so a pass must be safe to repeat.
// Tests call RunOnceAsync directly with a fake clock instead of starting the host.
public abstract partial class PeriodicBackgroundService(TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    protected abstract TimeSpan Interval { get; }

    // A bounded name for logs, e.g. "Deadline monitor".
    protected abstract string Name { get; }

    // One pass; returns how many things it did (logged when more than zero).
    public abstract Task<long> RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        do
        {
            try
            {
                var done = await RunOnceAsync(stoppingToken);
                if (done > 0) LogPassDone(Logger, Name, done);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(Logger, Name, ex.GetType().FullName ?? "unknown");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Work} pass did {Count} items")]
    private static partial void LogPassDone(ILogger logger, string work, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Work} pass failed with {ExceptionType}; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, string work, string exceptionType);
}
