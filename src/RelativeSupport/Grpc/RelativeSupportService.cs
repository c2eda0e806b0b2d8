using Microsoft.AspNetCore.Authorization;
using Contract = Samverkan.Contracts.Relatives.V1.RelativeSupport;

namespace Samverkan.RelativeSupport.Grpc;

// Skeleton: the contract has no RPCs yet (see README, Known limitations). Runs on ServiceCore
// (store, access logging, error interceptor, command pipeline): docs/services.md.
[Authorize]
public sealed class RelativeSupportService : Contract.RelativeSupportBase
{
}
