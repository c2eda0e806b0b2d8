namespace Samverkan.DischargeNotices.Domain.Payment;

// The days one readiness notice made the patient "ready", until withdrawal, discharge or now.
// EndedBySequence is null while the period is still open.
public sealed record ReadinessPeriod(
    int ReadinessSequence,
    DateTimeOffset NoticeSentAt,
    DateOnly EffectiveNoticeDate,
    int? EndedBySequence,
    IReadOnlyList<DateOnly> ReadyDays,
    IReadOnlyList<ChargedDay> ChargedDays)
{
    public IEnumerable<int> BasisSequences =>
        EndedBySequence is { } end ? [ReadinessSequence, end] : [ReadinessSequence];
}
