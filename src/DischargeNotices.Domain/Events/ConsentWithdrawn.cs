namespace Samverkan.DischargeNotices.Domain.Events;

public sealed record ConsentWithdrawn : CaseEvent
{
    public required IReadOnlyList<ConsentScope> Scopes { get; init; }
}
