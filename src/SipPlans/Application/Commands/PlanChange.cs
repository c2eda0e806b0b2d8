namespace Samverkan.SipPlans.Application.Commands;

// The result of a change: the plan after it, its revision (the contract's `version`), and whether
// it was answered from an earlier success of the same request_id.
public sealed record PlanChange(SipPlan Plan, int Revision, bool Replayed)
{
    public PlanState State => Plan.State;

    public DateTimeOffset RecordedAt => Plan.EventAt(Revision)!.RecordedAt;

    // Set when the change agreed a version.
    public int? AgreedVersionNumber => Plan.EventAt(Revision) is PlanAgreed agreed ? agreed.VersionNumber : null;
}
