using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Samverkan.Store.Consumers;

// A hosted background service that feeds a channel to a handler: read a batch after the stored
// position, handle it, store the new position. At-least-once: the position moves only after the
// handler returned, so a crash, an exception or a shutdown mid-batch delivers the batch again.
internal sealed partial class ChannelConsumerService<THandler>(
    IServiceScopeFactory scopes,
    IChannelReader reader,
    IDocumentStore store,
    ChannelConsumers registry,
    ChannelConsumerOptions options,
    ILogger<ChannelConsumerService<THandler>> logger) : BackgroundService
    where THandler : IChannelHandler
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var channel = options.Channel;
        var consumer = options.ConsumerName;
        long? position = null;
        var failures = 0;
        using var lag = ConsumerLag.Track(channel, consumer);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (position is null)
                {
                    // Register before the first read so that no trim can pass us from here on.
                    await registry.RegisterAsync(channel, consumer);
                    position = await reader.GetConsumerPositionAsync(channel, consumer, stoppingToken);
                }

                var entries = await reader.ReadAsync(channel, position.Value, options.BatchSize, stoppingToken);
                if (entries.Count == 0)
                {
                    lag.Update(head: position.Value, position.Value);
                    await reader.WaitForEntriesAsync(channel, position.Value, options.IdleWait, stoppingToken);
                    continue;
                }

                // Known before handling, so a batch that fails over and over shows as a growing lag.
                var head = await reader.HeadAsync(channel, stoppingToken);
                lag.Update(head, position.Value);

                var batch = new ChannelBatch(channel, consumer, position.Value, entries);
                await using (var scope = scopes.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<THandler>().HandleAsync(batch, stoppingToken);
                }
                StoreTelemetry.ConsumedEntries.Add(entries.Count, new KeyValuePair<string, object?>("consumer", consumer));

                // Forward-only: if the handler already advanced within its own commit this is a no-op;
                // if another instance went further, re-read where it is.
                var advanced = await store.CommitAsync(new UnitOfWork().AdvanceConsumer(channel, consumer, batch.LastPosition), CancellationToken.None);
                position = advanced is Committed ? batch.LastPosition : null;
                lag.Update(head, batch.LastPosition);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (ChannelTrimmedException e) when (position == 0)
            {
                // A consumer that has never consumed starts at the oldest entry still kept.
                LogStartingAtOldest(channel.Service, channel.Channel, consumer, e.OldestAvailable);
                position = e.OldestAvailable - 1;
            }
            catch (ChannelTrimmedException e)
            {
                // Only possible if this consumer was unregistered: entries were lost to it. Stop loudly.
                LogTrimmedPastConsumer(e, channel.Service, channel.Channel, consumer, position ?? 0);
                throw;
            }
            catch (Exception e)
            {
                failures++;
                var delay = TimeSpan.FromTicks(Math.Min(options.MaxRetryDelay.Ticks, options.RetryDelay.Ticks << Math.Min(failures - 1, 16)));
                LogBatchFailed(e, channel.Service, channel.Channel, consumer, position ?? 0, failures, delay);
                position = null;
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Consumer {Consumer} of {Service}/{Channel}: batch after position {Position} failed ({Failures} in a row); retrying in {Delay}.")]
    private partial void LogBatchFailed(Exception exception, string service, string channel, string consumer, long position, int failures, TimeSpan delay);

    [LoggerMessage(LogLevel.Warning, "Consumer {Consumer} of {Service}/{Channel} has never consumed and older entries were trimmed; starting at position {Oldest}.")]
    private partial void LogStartingAtOldest(string service, string channel, string consumer, long oldest);

    [LoggerMessage(LogLevel.Critical, "Consumer {Consumer} of {Service}/{Channel}: entries after its position {Position} were trimmed (was it unregistered?). Stopping.")]
    private partial void LogTrimmedPastConsumer(Exception exception, string service, string channel, string consumer, long position);
}
