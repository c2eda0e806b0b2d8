namespace Samverkan.DischargeNotices.Domain.Cases;

// A notice that was given by telephone (during an outage) before it was recorded here. GivenAt is
// when the recipients were actually told: deadlines and payment run from it. It is shown on the
// case and in the access record, so nobody mistakes it for a notice sent through the platform.
public sealed record TelephoneNotice(DateTimeOffset GivenAt, TelephoneNoticeReason Reason)
{
    // A call recorded later than this after it was given is not an outage: it is refused.
    public static readonly TimeSpan MaxRecordingDelay = TimeSpan.FromDays(7);
}
