namespace Samverkan.DischargeNotices.Domain.Events;

// Informationsöverföring. The summary is personal health data: never logged.
public sealed record InformationTransferred : NoticeEvent
{
    public required string Summary { get; init; }

    public override NoticeKind Kind => NoticeKind.InformationTransfer;
}
