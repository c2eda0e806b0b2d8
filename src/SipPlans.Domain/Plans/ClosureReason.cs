namespace Samverkan.SipPlans.Domain.Plans;

// How a plan really ends, not only the happy path.
public enum ClosureReason
{
    Completed,          // followed up, the needs are met or handed over to ordinary work
    ConsentWithdrawn,   // the person withdrew every consent: nothing may be shared any more
    Declined,           // the person declined a SIP (before any meeting)
    NoLongerNeeded,     // the need ceased before a plan was agreed (e.g. discharge readiness withdrawn for good)
    Died,               // the person died
    MovedAway,          // the person moved out of the county; the new home's principals start their own plan
}
