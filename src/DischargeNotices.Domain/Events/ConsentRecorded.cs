namespace Samverkan.DischargeNotices.Domain.Events;

public sealed record ConsentRecorded : CaseEvent
{
    public required ConsentGrant Consent { get; init; }
}
