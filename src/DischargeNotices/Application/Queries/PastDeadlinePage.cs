namespace Samverkan.DischargeNotices.Application.Queries;

public sealed record PastDeadlinePage(IReadOnlyList<CaseDeadlines> Cases, string NextPageToken);
