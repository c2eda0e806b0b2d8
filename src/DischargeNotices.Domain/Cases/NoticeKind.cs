namespace Samverkan.DischargeNotices.Domain.Cases;

// The events that are notices to other units (delivered to inboxes and feeds, acknowledged).
public enum NoticeKind
{
    Admission,                      // inskrivningsmeddelande
    EstimatedDischargeDateChanged,  // ändrad beräknad utskrivningsdag
    FixedCareContactAppointed,      // fast vårdkontakt utsedd
    ReadyForDischarge,              // underrättelse om utskrivningsklar patient
    ReadinessWithdrawn,             // återtagen underrättelse
    InformationTransfer,            // informationsöverföring
    Discharged,                     // utskrivning
    StayEnded,                      // vårdtillfället avslutat (avliden, egen begäran, annan region)
    InpatientUnitChanged,           // flyttad till en annan slutenvårdsenhet (ny avsändare)
    NeedsChanged,                   // ändrade insatsbehov (mottagare tillkommer eller utgår)
    PlanningStepRecorded,           // mottagarens planering påbörjad / redo att ta emot
}
