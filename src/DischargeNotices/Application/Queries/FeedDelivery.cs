namespace Samverkan.DischargeNotices.Application.Queries;

// One message on a subscription stream: a notice, or a heartbeat (Item null) carrying the position.
public sealed record FeedDelivery(long Position, InboxItem? Item);
