using Grpc.Core;

namespace Samverkan.Portal.Gateway;

// A refused or failed service call, with a Swedish message for the user.
public sealed class ServiceError(StatusCode status, string message) : Exception(message)
{
    public StatusCode Status { get; } = status;
}
