using System.Net;

namespace Samverkan.TestSupport.Identity;

public sealed class TokenRequestException(HttpStatusCode status, string? error, string? description)
    : Exception($"Token request failed ({(int)status}): {error} – {description}")
{
    public HttpStatusCode Status { get; } = status;
    public string? Error { get; } = error;
    public string? Description { get; } = description;
}
