using Grpc.Core;
using Samverkan.Identity.Tests.Probe;
using Samverkan.ServiceDefaults.Authorization;
using Empty = Google.Protobuf.WellKnownTypes.Empty;

namespace Samverkan.Identity.Tests.Support;

// Answers with the caller as every platform service sees it (ServerCallContext.GetCaller()).
public sealed class AuthenticationProbeService : AuthenticationProbe.AuthenticationProbeBase
{
    public override Task<Caller> WhoAmI(Empty request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var reply = new Caller
        {
            Subject = caller.Subject,
            Username = caller.Username ?? "",
            ClientId = caller.ClientId ?? "",
            IsServiceAccount = caller.IsServiceAccount,
            OrganisationAlias = caller.OrganisationAlias,
            OrganisationCode = caller.OrganisationCode,
            OrganisationKind = caller.OrganisationKind.ToString(),
            UnitId = caller.UnitId ?? "",
        };
        reply.Roles.AddRange(caller.Roles.Order());
        return Task.FromResult(reply);
    }
}
