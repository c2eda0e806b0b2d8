namespace Samverkan.DischargeNotices.Domain.Cases;

// How a stay ends when it is not a planned discharge (utskrivning after a readiness notice).
// Each closes the case: the deadlines still open are cancelled (not breached), and payment counts
// ready days up to the end of the stay only.
public enum StayEndKind
{
    Died,                       // patienten avled
    LeftAgainstMedicalAdvice,   // skrev ut sig på egen begäran / avvek och skrevs ut
    MovedToOtherRegion,         // flyttad till en annan regions slutenvård; that region notifies anew under its own agreement
}
