using Contract = Samverkan.Contracts.Discharge.V1.DischargeNotices;

namespace Samverkan.DischargeNotices.Grpc;

// Skeleton: the contract has no RPCs yet (see README, Known limitations).
public sealed class DischargeNoticesService : Contract.DischargeNoticesBase
{
}
