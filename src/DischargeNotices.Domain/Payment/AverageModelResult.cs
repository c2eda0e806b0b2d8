namespace Samverkan.DischargeNotices.Domain.Payment;

// The monthly-average computation for one care type:
// charged days = max(0, ready days − threshold × discharged cases).
public sealed record AverageModelResult(
    CareType CareType,
    int DischargedCases,
    int ReadyDays,
    int ThresholdDays,
    int ChargedDays,
    long AmountPerDaySek)
{
    public long AmountSek => ChargedDays * AmountPerDaySek;
}
