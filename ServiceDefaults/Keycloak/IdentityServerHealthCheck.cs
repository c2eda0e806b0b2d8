using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Samverkan.ServiceDefaults.Keycloak;

// Readiness of the identity server this process trusts: its OpenID discovery document answers.
// Registered with failure status Degraded, not Unhealthy: tokens are validated with signing keys
// already fetched, so a service keeps serving callers with valid tokens while the identity server is
// down, and taking every replica out of the load balancer would turn one outage into two. /health
// says "Degraded" (HTTP 200) so operators and the operations page see it.
internal sealed class IdentityServerHealthCheck(IOptionsMonitor<JwtBearerOptions> options, string scheme) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private static readonly HttpClient FallbackClient = new();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var bearer = options.Get(scheme);
        var address = bearer.MetadataAddress
            ?? (bearer.Authority is { Length: > 0 } authority ? authority.TrimEnd('/') + "/.well-known/openid-configuration" : null);
        if (address is null) return HealthCheckResult.Healthy("No identity server configured.");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await (bearer.Backchannel ?? FallbackClient).GetAsync(address, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy("Discovery document answers.")
                : new HealthCheckResult(context.Registration.FailureStatus, $"Discovery document answered HTTP {(int)response.StatusCode}.");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The identity server does not answer.", e);
        }
    }
}
