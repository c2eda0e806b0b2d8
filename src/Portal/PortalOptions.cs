namespace Samverkan.Portal;

// Configuration section "Portal".
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    // The gateway's native gRPC (h2c) endpoint; services__gateway__grpc__0 (Aspire) wins.
    public string? GatewayGrpcUrl { get; set; }

    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(30);

    // The realm's SSO idle timeout, used only to forget sessions whose refresh token has lapsed
    // when the identity server does not say (refresh_expires_in).
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan DraftLifetime { get; set; } = TimeSpan.FromHours(2);

    // Prometheus' HTTP API for the operations page (the AppHost sets it when Prometheus runs).
    public string? PrometheusUrl { get; set; }
}
