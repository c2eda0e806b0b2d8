namespace Samverkan.DischargeNotices.Domain.Payment;

public enum PaymentModel
{
    // Each case pays for its own ready days beyond the threshold.
    Individual,
    // Per municipality, care type and month: ready days beyond threshold × cases discharged that month.
    MonthlyAverage,
}
