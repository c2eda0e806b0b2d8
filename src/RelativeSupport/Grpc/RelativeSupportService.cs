using Contract = Samverkan.Contracts.Relatives.V1.RelativeSupport;

namespace Samverkan.RelativeSupport.Grpc;

// Skeleton: the contract has no RPCs yet (see README, Known limitations).
public sealed class RelativeSupportService : Contract.RelativeSupportBase
{
}
