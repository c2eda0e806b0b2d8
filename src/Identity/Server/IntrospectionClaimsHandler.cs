using System.Globalization;
using System.Text.Json;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Samverkan.Identity.Realm;
using Samverkan.Identity.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Samverkan.Identity.Server;

// Introspection as Keycloak answers it: an active access token comes back with the claims of its
// mappers marked introspection.token.claim (roles, organisation, unit, names, ...) plus typ, azp,
// sid and username; a token whose session was ended by logout is inactive.
public sealed class IntrospectionClaimsHandler(RealmModel realm, EndedSessions endedSessions)
    : IOpenIddictServerHandler<HandleIntrospectionRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleIntrospectionRequestContext>()
            .UseSingletonHandler<IntrospectionClaimsHandler>()
            .SetOrder(OpenIddictServerHandlers.Introspection.AttachApplicationClaims.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleIntrospectionRequestContext context)
    {
        var token = context.GenericTokenPrincipal;
        if (token is null) return ValueTask.CompletedTask;

        var sessionId = token.GetClaim("sid");
        if (endedSessions.IsEnded(sessionId))
        {
            context.Reject(Errors.InvalidToken, "Session not active");
            return ValueTask.CompletedTask;
        }

        var user = realm.FindUserById(token.GetClaim(Claims.Subject));
        var client = realm.FindClient(token.GetClaim(Claims.AuthorizedParty) ?? token.GetClaim(Claims.ClientId));
        if (user is null || client is null || token.GetClaim("typ") != "Bearer") return ValueTask.CompletedTask;

        var grant = ScopeResolver.Resolve(client, string.Join(' ', token.GetScopes()), user, out _)
            ?? ScopeResolver.Resolve(client, null, user, out _)!;
        var authTime = long.TryParse(token.GetClaim("auth_time"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UtcNow;
        var session = new LoginSession(sessionId ?? "", authTime, token.GetClaim("clientAddress"));

        foreach (var (name, value) in ProtocolMapperEvaluator.Evaluate(realm, user, client, grant, session).Introspection)
        {
            if (value is not null && !context.Claims.ContainsKey(name)) context.Claims[name] = JsonSerializer.SerializeToElement(value);
        }
        context.Claims["typ"] = "Bearer";
        context.Claims[Claims.AuthorizedParty] = client.ClientId;
        if (sessionId is not null) context.Claims["sid"] = sessionId;
        context.Claims[Claims.ClientId] = client.ClientId;
        if (token.GetClaim(Claims.PreferredUsername) is { } username) context.Claims[Claims.Username] = username;
        return ValueTask.CompletedTask;
    }
}
