using Grpc.Core;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.Portal.Authentication;

namespace Samverkan.Portal.Gateway;

// Calls the services through the gateway as the signed-in user: every call carries the user's own
// access token (never a service account acting for a person), and failures come back as a
// Swedish message the page can show (ServiceError).
public sealed class GatewayCalls(GatewayChannel gateway, UserSession session)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public DischargeNotices.DischargeNoticesClient Discharge { get; } = new(gateway.Channel);

    public AccessLog.AccessLogClient AccessLog { get; } = new(gateway.Channel);

    public async Task<CallOptions> OptionsAsync(CancellationToken cancellationToken = default, bool streaming = false)
    {
        var token = await session.AccessTokenAsync(cancellationToken);
        return new CallOptions(
            headers: new Metadata { { "authorization", "Bearer " + token } },
            deadline: streaming ? null : DateTime.UtcNow + Deadline,
            cancellationToken: cancellationToken);
    }

    // Runs one unary call; a refused or failed call becomes a ServiceError with a Swedish message.
    public async Task<T> CallAsync<T>(Func<CallOptions, AsyncUnaryCall<T>> call, CancellationToken cancellationToken = default)
    {
        var options = await OptionsAsync(cancellationToken);
        try
        {
            return await call(options);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated)
        {
            session.MarkEnded();
            throw new SessionEndedException();
        }
        catch (RpcException ex)
        {
            throw new ServiceError(ex.StatusCode, ServiceMessages.Describe(ex));
        }
    }
}
