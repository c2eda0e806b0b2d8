using Microsoft.AspNetCore.Authorization;
using Contract = Samverkan.Contracts.Sip.V1.SipPlans;

namespace Samverkan.SipPlans.Grpc;

// Skeleton: the contract has no RPCs yet (see README, Known limitations). Runs on ServiceCore
// (store, access logging, error interceptor, command pipeline): docs/services.md.
[Authorize]
public sealed class SipPlansService : Contract.SipPlansBase
{
}
