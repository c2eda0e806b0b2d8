namespace Samverkan.DischargeNotices.Application.Queries;

// One notice as delivered to one addressee unit.
public sealed record InboxItem(DischargeCase Case, NoticeEvent Notice, string UnitId)
{
    public NoticeAcknowledged? Acknowledgement => Case.AcknowledgementOf(Notice.Sequence, UnitId);
}
