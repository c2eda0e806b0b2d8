using Grpc.Core;
using Samverkan.ServiceCore.Errors;

namespace Samverkan.AccessLog.Tests.Fakes;

// The service class is called directly here, without the gRPC pipeline: a refusal is turned into
// its status exactly as ServiceCore's RuleViolationInterceptor does on a real call.
public static class Refusals
{
    public static async Task<RpcException> ThrowsAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex)
        {
            return ex as RpcException ?? RpcErrors.Translate(ex)
                ?? throw new Xunit.Sdk.XunitException($"Expected a refusal, got {ex.GetType().Name}: {ex.Message}");
        }
        throw new Xunit.Sdk.XunitException("Expected a refusal, but the call succeeded.");
    }
}
