using System.Net;

namespace Samverkan.TestSupport.Identity;

// The token endpoint's answer, success or OAuth error, for tests that assert on errors.
public sealed record TokenResult(HttpStatusCode Status, TokenResponse? Token, string? Error, string? ErrorDescription)
{
    public TokenResponse EnsureSuccess() =>
        Token ?? throw new TokenRequestException(Status, Error, ErrorDescription);
}
