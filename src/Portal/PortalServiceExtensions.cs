using System.Globalization;
using Microsoft.AspNetCore.HttpOverrides;
using Samverkan.Portal.Display;
using Samverkan.Portal.Drafts;
using Samverkan.Portal.Gateway;
using Samverkan.Portal.Notices;

namespace Samverkan.Portal;

public static class PortalServiceExtensions
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static WebApplicationBuilder AddPortalServices(this WebApplicationBuilder builder)
    {
        // The portal speaks Swedish whatever the server's locale (dates, numbers, sorting).
        CultureInfo.DefaultThreadCurrentCulture = Swedish;
        CultureInfo.DefaultThreadCurrentUICulture = Swedish;

        builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPortalDirectory(builder.Configuration);
        builder.Services.AddSingleton<GatewayChannel>();
        builder.Services.AddScoped<GatewayCalls>();
        builder.Services.AddScoped<RelativeCalls>();
        builder.Services.AddScoped<OmbudCalls>();
        builder.Services.AddSingleton<Forms.Relatives.SentReferrals>();
        builder.Services.AddScoped<SipCalls>();
        builder.Services.AddSingleton<DraftStore>();
        builder.Services.AddScoped<NoticeFeed>();
        builder.Services.AddSingleton<Operations.PrometheusClient>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }

    // Behind the gateway the browser's host and scheme arrive as X-Forwarded-*: the OIDC redirect
    // URI must name the address the user opened (http://localhost:5000/signin-oidc), not the
    // portal's own. Only loopback proxies are trusted unless Portal:KnownProxies lists others.
    public static WebApplication UsePortalForwardedHeaders(this WebApplication app)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
        };
        foreach (var proxy in app.Configuration.GetSection("Portal:KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }
        app.UseForwardedHeaders(options);
        return app;
    }
}
