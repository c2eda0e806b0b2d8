namespace Samverkan.DischargeNotices.Domain.Deadlines;

public enum DeadlineState
{
    Pending,    // not met, not due (or due time not known yet)
    Met,
    Overdue,    // due and not met: a deviation
    MetLate,    // met after the due time: a deviation
    Cancelled,  // no longer applies (the readiness notice behind it was withdrawn)
}
