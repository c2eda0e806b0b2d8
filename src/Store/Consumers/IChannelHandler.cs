namespace Samverkan.Store.Consumers;

// Handles the entries of a channel for a ChannelConsumer. Delivery is at-least-once: a batch whose
// handling did not complete (exception, crash, shutdown) is delivered again, so handlers must be
// idempotent, or write their effects together with batch.AdvanceWithin(work) for exactly-once effects.
// Never log payloads: they can carry personal data.
public interface IChannelHandler
{
    Task HandleAsync(ChannelBatch batch, CancellationToken cancellationToken);
}
