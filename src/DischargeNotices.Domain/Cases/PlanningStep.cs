namespace Samverkan.DischargeNotices.Domain.Cases;

// A receiving unit's own steps between acknowledging the admission notice and receiving the
// patient. They tell the sender and the other recipients where the planning stands; they do not
// move deadlines or payment (the law ties those to the inpatient unit's notices).
public enum PlanningStep
{
    PlanningStarted,    // planering påbörjad
    ReadyToReceive,     // redo att ta emot patienten
}
