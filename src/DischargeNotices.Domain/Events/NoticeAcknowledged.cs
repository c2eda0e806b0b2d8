namespace Samverkan.DischargeNotices.Domain.Events;

// Kvittens: one addressee unit acknowledged one notice.
public sealed record NoticeAcknowledged : CaseEvent
{
    public required int NoticeSequence { get; init; }
    public required string UnitId { get; init; }
}
