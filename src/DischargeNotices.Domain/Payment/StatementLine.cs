using Samverkan.SharedKernel.Identity;

namespace Samverkan.DischargeNotices.Domain.Payment;

// One case on a monthly statement, with the days and the events they were derived from.
public sealed record StatementLine(
    string CaseId,
    PersonalIdentityNumber PersonalIdentityNumber,
    CareType CareType,
    IReadOnlyList<ChargedDay> ChargedDays,
    long AmountSek,
    int ReadyDayCount,
    bool Open,
    IReadOnlyList<int> BasisSequences);
