using Microsoft.AspNetCore.Authorization;
using Contract = Samverkan.Contracts.Ombud.V1.PersonalOmbudsmen;

namespace Samverkan.PersonalOmbudsmen.Grpc;

// Skeleton: the contract has no RPCs yet (see README, Known limitations). Runs on ServiceCore
// (store, access logging, error interceptor, command pipeline): docs/services.md.
[Authorize]
public sealed class PersonalOmbudsmenService : Contract.PersonalOmbudsmenBase
{
}
