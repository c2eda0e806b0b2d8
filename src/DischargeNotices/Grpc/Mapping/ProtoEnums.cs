using Proto = Samverkan.Contracts.Discharge.V1;

namespace Samverkan.DischargeNotices.Grpc.Mapping;

// The contract's enums and the domain's, both ways, every value named: UNSPECIFIED (0) or an
// unknown number from a newer client is an invalid argument naming the field; a domain value
// without a contract value throws (no catch-all maps a new value to an old one).
public static partial class ProtoEnums
{
    public static CareNeed ToDomain(Proto.CareNeed value, string field) => value switch
    {
        Proto.CareNeed.SocialServices => CareNeed.SocialServices,
        Proto.CareNeed.MunicipalHealthCare => CareNeed.MunicipalHealthCare,
        Proto.CareNeed.OutpatientCare => CareNeed.OutpatientCare,
        _ => throw Unspecified(field),
    };

    public static Proto.CareNeed ToProto(CareNeed value) => value switch
    {
        CareNeed.SocialServices => Proto.CareNeed.SocialServices,
        CareNeed.MunicipalHealthCare => Proto.CareNeed.MunicipalHealthCare,
        CareNeed.OutpatientCare => Proto.CareNeed.OutpatientCare,
        _ => throw Unmapped(value),
    };

    public static CareType ToDomain(Proto.CareType value, string field) => value switch
    {
        Proto.CareType.Somatic => CareType.Somatic,
        Proto.CareType.Psychiatric => CareType.Psychiatric,
        _ => throw Unspecified(field),
    };

    public static Proto.CareType ToProto(CareType value) => value switch
    {
        CareType.Somatic => Proto.CareType.Somatic,
        CareType.Psychiatric => Proto.CareType.Psychiatric,
        _ => throw Unmapped(value),
    };

    public static Proto.RecipientKind ToProto(RecipientKind value) => value switch
    {
        RecipientKind.SocialServices => Proto.RecipientKind.SocialServices,
        RecipientKind.MunicipalHealthCare => Proto.RecipientKind.MunicipalHealthCare,
        RecipientKind.OutpatientCare => Proto.RecipientKind.OutpatientCare,
        _ => throw Unmapped(value),
    };

    public static Proto.CaseStatus ToProto(CaseStatus value) => value switch
    {
        CaseStatus.Admitted => Proto.CaseStatus.Admitted,
        CaseStatus.ReadyForDischarge => Proto.CaseStatus.ReadyForDischarge,
        CaseStatus.StayEnded => Proto.CaseStatus.StayEnded,
        CaseStatus.Discharged => Proto.CaseStatus.Discharged,
        _ => throw Unmapped(value),
    };

    public static ConsentScope ToDomain(Proto.ConsentScope value, string field) => value switch
    {
        Proto.ConsentScope.SendNotices => ConsentScope.SendNotices,
        Proto.ConsentScope.TransferInformation => ConsentScope.TransferInformation,
        Proto.ConsentScope.Sip => ConsentScope.Sip,
        _ => throw Unspecified(field),
    };

    public static Proto.ConsentScope ToProto(ConsentScope value) => value switch
    {
        ConsentScope.SendNotices => Proto.ConsentScope.SendNotices,
        ConsentScope.TransferInformation => Proto.ConsentScope.TransferInformation,
        ConsentScope.Sip => Proto.ConsentScope.Sip,
        _ => throw Unmapped(value),
    };

    public static ConsentForm ToDomain(Proto.ConsentForm value, string field) => value switch
    {
        Proto.ConsentForm.Verbal => ConsentForm.Verbal,
        Proto.ConsentForm.Written => ConsentForm.Written,
        Proto.ConsentForm.Digital => ConsentForm.Digital,
        _ => throw Unspecified(field),
    };

    public static Proto.ConsentForm ToProto(ConsentForm value) => value switch
    {
        ConsentForm.Verbal => Proto.ConsentForm.Verbal,
        ConsentForm.Written => Proto.ConsentForm.Written,
        ConsentForm.Digital => Proto.ConsentForm.Digital,
        _ => throw Unmapped(value),
    };

    public static ConsentGiver ToDomain(Proto.ConsentGiver value, string field) => value switch
    {
        Proto.ConsentGiver.Patient => ConsentGiver.Patient,
        Proto.ConsentGiver.Guardian => ConsentGiver.Guardian,
        Proto.ConsentGiver.LegalRepresentative => ConsentGiver.LegalRepresentative,
        _ => throw Unspecified(field),
    };

    public static Proto.ConsentGiver ToProto(ConsentGiver value) => value switch
    {
        ConsentGiver.Patient => Proto.ConsentGiver.Patient,
        ConsentGiver.Guardian => Proto.ConsentGiver.Guardian,
        ConsentGiver.LegalRepresentative => Proto.ConsentGiver.LegalRepresentative,
        _ => throw Unmapped(value),
    };

    public static ReadinessWithdrawalReason ToDomain(Proto.ReadinessWithdrawalReason value, string field) => value switch
    {
        Proto.ReadinessWithdrawalReason.ConditionChanged => ReadinessWithdrawalReason.ConditionChanged,
        Proto.ReadinessWithdrawalReason.SentInError => ReadinessWithdrawalReason.SentInError,
        _ => throw Unspecified(field),
    };

    public static Proto.ReadinessWithdrawalReason ToProto(ReadinessWithdrawalReason value) => value switch
    {
        ReadinessWithdrawalReason.ConditionChanged => Proto.ReadinessWithdrawalReason.ConditionChanged,
        ReadinessWithdrawalReason.SentInError => Proto.ReadinessWithdrawalReason.SentInError,
        _ => throw Unmapped(value),
    };

    public static Proto.NoticeKind ToProto(NoticeKind value) => value switch
    {
        NoticeKind.Admission => Proto.NoticeKind.Admission,
        NoticeKind.EstimatedDischargeDateChanged => Proto.NoticeKind.EstimatedDischargeDateChanged,
        NoticeKind.FixedCareContactAppointed => Proto.NoticeKind.FixedCareContactAppointed,
        NoticeKind.ReadyForDischarge => Proto.NoticeKind.ReadyForDischarge,
        NoticeKind.ReadinessWithdrawn => Proto.NoticeKind.ReadinessWithdrawn,
        NoticeKind.InformationTransfer => Proto.NoticeKind.InformationTransfer,
        NoticeKind.StayEnded => Proto.NoticeKind.StayEnded,
        NoticeKind.InpatientUnitChanged => Proto.NoticeKind.InpatientUnitChanged,
        NoticeKind.NeedsChanged => Proto.NoticeKind.NeedsChanged,
        NoticeKind.PlanningStepRecorded => Proto.NoticeKind.PlanningStepRecorded,
        NoticeKind.Discharged => Proto.NoticeKind.Discharged,
        _ => throw Unmapped(value),
    };

    public static Proto.DeadlineKind ToProto(DeadlineKind value) => value switch
    {
        DeadlineKind.AdmissionNotice => Proto.DeadlineKind.AdmissionNotice,
        DeadlineKind.InformationTransfer => Proto.DeadlineKind.InformationTransfer,
        DeadlineKind.SipInvitation => Proto.DeadlineKind.SipInvitation,
        DeadlineKind.FixedCareContact => Proto.DeadlineKind.FixedCareContact,
        _ => throw Unmapped(value),
    };

    public static Proto.DeadlineState ToProto(DeadlineState value) => value switch
    {
        DeadlineState.Pending => Proto.DeadlineState.Pending,
        DeadlineState.Met => Proto.DeadlineState.Met,
        DeadlineState.Overdue => Proto.DeadlineState.Overdue,
        DeadlineState.MetLate => Proto.DeadlineState.MetLate,
        DeadlineState.Cancelled => Proto.DeadlineState.Cancelled,
        _ => throw Unmapped(value),
    };

    public static Proto.PaymentModel ToProto(PaymentModel value) => value switch
    {
        PaymentModel.Individual => Proto.PaymentModel.Individual,
        PaymentModel.MonthlyAverage => Proto.PaymentModel.MonthlyAverage,
        _ => throw Unmapped(value),
    };

    private static RuleViolation Unspecified(string field) =>
        RuleViolation.Invalid(field, $"{field} is unspecified or not a value this service knows.");

    // A domain value without a contract value is a bug here (a new enum member), never a guess.
    private static ArgumentOutOfRangeException Unmapped<TEnum>(TEnum value) where TEnum : struct, Enum =>
        new(nameof(value), value, $"{typeof(TEnum).Name} has no contract value; map it in ProtoEnums.");
}
