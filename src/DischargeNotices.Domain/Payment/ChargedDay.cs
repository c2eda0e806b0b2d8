namespace Samverkan.DischargeNotices.Domain.Payment;

// One day the municipality pays for, traceable to the readiness notice it is counted from.
public sealed record ChargedDay(DateOnly Date, long AmountSek, int ReadinessSequence);
