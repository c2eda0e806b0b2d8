namespace Samverkan.DischargeNotices.Domain.Events;

public enum ReadinessWithdrawalReason
{
    ConditionChanged,
    SentInError,
}
