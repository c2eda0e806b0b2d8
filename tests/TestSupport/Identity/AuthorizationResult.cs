namespace Samverkan.TestSupport.Identity;

// Where a browser login ended: a code (or OAuth error) at the redirect URI, or the login page
// again with the error message it showed (LoginError, in Swedish).
public sealed record AuthorizationResult(string? Code, string? State, string? Error, string? ErrorDescription, string? LoginError, string? Html);
