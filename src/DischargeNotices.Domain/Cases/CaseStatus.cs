namespace Samverkan.DischargeNotices.Domain.Cases;

public enum CaseStatus
{
    Admitted,           // inskriven
    ReadyForDischarge,  // utskrivningsklar (a readiness notice is in force)
    Discharged,         // utskriven: the case is closed
    StayEnded,          // vårdtillfället avslutat på annat sätt (StayEndKind): the case is closed
}
