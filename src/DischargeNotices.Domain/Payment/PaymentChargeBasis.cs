namespace Samverkan.DischargeNotices.Domain.Payment;

// Where the charge for a case's ready days is found.
public enum PaymentChargeBasis
{
    // Individual model: the case's own charged days and amount.
    Case,
    // Monthly-average model: the municipality's monthly statement for the month the stay ended
    // (per care type: ready days beyond threshold × cases). The case has no amount of its own.
    MonthlyStatement,
}
