using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Samverkan.Portal.Authentication;

// The signed-in user as one Blazor circuit sees them: who they are (from the cookie's claims) and
// their access token (from PortalSessionStore, refreshed when due). When the session ends, Ended
// is raised once so the layout can say so; pages keep what was typed (DraftStore).
public sealed class UserSession(AuthenticationStateProvider authentication, PortalSessionStore store, TokenRefresher refresher)
{
    private ClaimsPrincipal? _user;

    public event Action? Ended;

    public bool HasEnded { get; private set; }

    public async Task<ClaimsPrincipal> UserAsync()
    {
        _user ??= (await authentication.GetAuthenticationStateAsync()).User;
        return _user;
    }

    public async Task<string> SubjectAsync() => (await UserAsync()).FindFirst(PortalClaims.Subject)?.Value ?? "";

    public async Task<string> AccessTokenAsync(CancellationToken cancellationToken = default)
    {
        var user = await UserAsync();
        try
        {
            return await refresher.AccessTokenAsync(store.Find(user.FindFirst(PortalClaims.SessionKey)?.Value), cancellationToken);
        }
        catch (SessionEndedException)
        {
            MarkEnded();
            throw;
        }
    }

    // Also called when the gateway or a service answers Unauthenticated.
    public void MarkEnded()
    {
        if (HasEnded) return;
        HasEnded = true;
        Ended?.Invoke();
    }
}
