using Proto = Samverkan.Contracts.Discharge.V1;

namespace Samverkan.DischargeNotices.Grpc.Mapping;

// The vocabulary of the ends of a stay, planning steps, telephone notices and the payment answer.
public static partial class ProtoEnums
{
    public static StayEndKind ToDomain(Proto.StayEndKind value, string field) => value switch
    {
        Proto.StayEndKind.Died => StayEndKind.Died,
        Proto.StayEndKind.LeftAgainstMedicalAdvice => StayEndKind.LeftAgainstMedicalAdvice,
        Proto.StayEndKind.MovedToOtherRegion => StayEndKind.MovedToOtherRegion,
        _ => throw Unspecified(field),
    };

    public static Proto.StayEndKind ToProto(StayEndKind? value) => value switch
    {
        StayEndKind.Died => Proto.StayEndKind.Died,
        StayEndKind.LeftAgainstMedicalAdvice => Proto.StayEndKind.LeftAgainstMedicalAdvice,
        StayEndKind.MovedToOtherRegion => Proto.StayEndKind.MovedToOtherRegion,
        null => Proto.StayEndKind.Unspecified,
        _ => throw Unmapped(value.Value),
    };

    public static PlanningStep ToDomain(Proto.PlanningStep value, string field) => value switch
    {
        Proto.PlanningStep.PlanningStarted => PlanningStep.PlanningStarted,
        Proto.PlanningStep.ReadyToReceive => PlanningStep.ReadyToReceive,
        _ => throw Unspecified(field),
    };

    public static Proto.PlanningStep ToProto(PlanningStep? value) => value switch
    {
        PlanningStep.PlanningStarted => Proto.PlanningStep.PlanningStarted,
        PlanningStep.ReadyToReceive => Proto.PlanningStep.ReadyToReceive,
        null => Proto.PlanningStep.Unspecified,
        _ => throw Unmapped(value.Value),
    };

    public static TelephoneNoticeReason ToDomain(Proto.TelephoneNoticeReason value, string field) => value switch
    {
        Proto.TelephoneNoticeReason.PlatformUnavailable => TelephoneNoticeReason.PlatformUnavailable,
        Proto.TelephoneNoticeReason.SenderSystemUnavailable => TelephoneNoticeReason.SenderSystemUnavailable,
        Proto.TelephoneNoticeReason.NetworkUnavailable => TelephoneNoticeReason.NetworkUnavailable,
        _ => throw Unspecified(field),
    };

    public static Proto.TelephoneNoticeReason ToProto(TelephoneNoticeReason value) => value switch
    {
        TelephoneNoticeReason.PlatformUnavailable => Proto.TelephoneNoticeReason.PlatformUnavailable,
        TelephoneNoticeReason.SenderSystemUnavailable => Proto.TelephoneNoticeReason.SenderSystemUnavailable,
        TelephoneNoticeReason.NetworkUnavailable => Proto.TelephoneNoticeReason.NetworkUnavailable,
        _ => throw Unmapped(value),
    };

    public static Proto.PaymentChargeBasis ToProto(PaymentChargeBasis value) => value switch
    {
        PaymentChargeBasis.Case => Proto.PaymentChargeBasis.Case,
        PaymentChargeBasis.MonthlyStatement => Proto.PaymentChargeBasis.MonthlyStatement,
        _ => throw Unmapped(value),
    };
}
