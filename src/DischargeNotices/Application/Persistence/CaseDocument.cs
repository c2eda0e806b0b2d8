namespace Samverkan.DischargeNotices.Application.Persistence;

// How a case is stored: one document holding its whole event history.
public sealed record CaseDocument(string Id, IReadOnlyList<CaseEvent> Events)
{
    public int Schema { get; init; } = 1;
}
