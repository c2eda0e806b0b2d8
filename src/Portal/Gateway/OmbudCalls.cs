using Grpc.Core;
using Samverkan.Contracts.Ombud.V1;
using OmbudClient = Samverkan.Contracts.Ombud.V1.PersonalOmbudsmen.PersonalOmbudsmenClient;

namespace Samverkan.Portal.Gateway;

// Personal ombudsmen (personligt ombud) through the gateway with the signed-in user's own token.
// Only PO staff of the client's municipality can read an assignment; the service checks every call.
public sealed class OmbudCalls(GatewayCalls calls, GatewayChannel gateway)
{
    public OmbudClient Client { get; } = new(gateway.Channel);

    public Task<T> CallAsync<T>(Func<OmbudClient, CallOptions, AsyncUnaryCall<T>> call) =>
        calls.CallAsync(o => call(Client, o));

    public Task<ListAssignmentsResponse> AssignmentsAsync() =>
        CallAsync((c, o) => c.ListAssignmentsAsync(new ListAssignmentsRequest { Page = new() { PageSize = 200 } }, o));

    public Task<Assignment> AssignmentAsync(string assignmentId) =>
        CallAsync((c, o) => c.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = assignmentId }, o));

    public Task<ListSystemDeficienciesResponse> DeficienciesAsync() =>
        CallAsync((c, o) => c.ListSystemDeficienciesAsync(new ListSystemDeficienciesRequest { Page = new() { PageSize = 100 } }, o));
}
