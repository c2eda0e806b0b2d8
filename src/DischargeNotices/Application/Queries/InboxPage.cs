namespace Samverkan.DischargeNotices.Application.Queries;

public sealed record InboxPage(IReadOnlyList<InboxItem> Items, string NextPageToken);
