namespace Samverkan.DischargeNotices.Domain.Events;

// Fast vårdkontakt utsedd by the outpatient unit; told to the sending unit and the other recipients.
public sealed record FixedCareContactAppointed : NoticeEvent
{
    public required FixedCareContact Contact { get; init; }

    public override NoticeKind Kind => NoticeKind.FixedCareContactAppointed;
}
