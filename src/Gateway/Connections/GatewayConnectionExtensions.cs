using Samverkan.Gateway.Connections;

namespace Microsoft.Extensions.Hosting;

public static class GatewayConnectionExtensions
{
    // "Kestrel:Limits" from configuration (Kestrel itself reads only endpoints and certificates from
    // the "Kestrel" section, so without this the limits in appsettings.json were silently not
    // applied), plus the per-address connection limit and TLS handshake timeout for every endpoint
    // (Kestrel applies endpoint defaults to the endpoints from configuration too).
    public static WebApplicationBuilder AddGatewayConnectionLimits(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayConnectionOptions.SectionName).Get<GatewayConnectionOptions>()
            ?? new GatewayConnectionOptions();

        var limits = builder.Configuration.GetSection("Kestrel:Limits");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            limits.Bind(kestrel.Limits);
            PerAddressConnectionLimit? limit = null;
            kestrel.ConfigureEndpointDefaults(listen =>
            {
                if (options.MaxPerAddress <= 0) return;
                limit ??= new PerAddressConnectionLimit(options.MaxPerAddress,
                    listen.ApplicationServices.GetRequiredService<ILogger<PerAddressConnectionLimit>>());
                listen.Use(limit.Wrap);
            });
            kestrel.ConfigureHttpsDefaults(https => https.HandshakeTimeout = options.TlsHandshakeTimeout);
        });
        return builder;
    }
}
