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
}
