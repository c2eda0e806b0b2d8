namespace Samverkan.Store.Consumers;

public sealed class ChannelConsumerOptions
{
    public required ChannelAddress Channel { get; init; }

    // Unique per consuming service and purpose; with the channel it names the stored position.
    public required string ConsumerName { get; init; }

    public int BatchSize { get; set; } = 100;

    // How long one wait for new entries lasts before the consumer looks again (pub/sub usually wakes it sooner).
    public TimeSpan IdleWait { get; set; } = TimeSpan.FromSeconds(30);

    // Delay after a failed batch, doubled per consecutive failure up to MaxRetryDelay.
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
