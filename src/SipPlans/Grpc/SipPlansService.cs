using Contract = Samverkan.Contracts.Sip.V1.SipPlans;

namespace Samverkan.SipPlans.Grpc;

// Skeleton: the contract has no RPCs yet (see README, Known limitations).
public sealed class SipPlansService : Contract.SipPlansBase
{
}
