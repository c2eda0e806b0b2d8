using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Samverkan.Store.Consumers;

// Periodically trims the given channels of this keyspace (see ChannelTrimmer).
internal sealed partial class ChannelTrimmingService(
    ChannelTrimmer trimmer,
    IReadOnlyList<string> channels,
    TimeSpan interval,
    ILogger<ChannelTrimmingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            foreach (var channel in channels)
            {
                try
                {
                    var removed = await trimmer.TrimAsync(channel, stoppingToken);
                    if (removed > 0)
                    {
                        LogTrimmed(channel, removed);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    LogTrimFailed(e, channel);
                }
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(LogLevel.Information, "Trimmed {Removed} entries of channel {Channel} that every registered consumer has passed.")]
    private partial void LogTrimmed(string channel, long removed);

    [LoggerMessage(LogLevel.Warning, "Trimming channel {Channel} failed; will try again.")]
    private partial void LogTrimFailed(Exception exception, string channel);
}
