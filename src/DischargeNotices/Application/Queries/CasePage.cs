namespace Samverkan.DischargeNotices.Application.Queries;

public sealed record CasePage(IReadOnlyList<DischargeCase> Cases, string NextPageToken);
