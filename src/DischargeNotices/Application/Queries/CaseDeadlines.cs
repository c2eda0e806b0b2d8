namespace Samverkan.DischargeNotices.Application.Queries;

public sealed record CaseDeadlines(DischargeCase Case, IReadOnlyList<DeadlineStatus> Missed);
