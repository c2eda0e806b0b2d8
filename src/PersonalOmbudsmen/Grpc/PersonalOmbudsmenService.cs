using Contract = Samverkan.Contracts.Ombud.V1.PersonalOmbudsmen;

namespace Samverkan.PersonalOmbudsmen.Grpc;

// Skeleton: the contract has no RPCs yet (see README, Known limitations).
public sealed class PersonalOmbudsmenService : Contract.PersonalOmbudsmenBase
{
}
