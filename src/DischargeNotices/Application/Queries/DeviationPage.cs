namespace Samverkan.DischargeNotices.Application.Queries;

public sealed record DeviationPage(IReadOnlyList<DeviationReport> Reports, string NextPageToken);
