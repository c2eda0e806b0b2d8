namespace Samverkan.TestSupport.Identity;

public sealed record TokenResponse(string AccessToken, string? RefreshToken, string? IdToken, int ExpiresIn, string? Scope);
