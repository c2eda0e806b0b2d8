using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

// Framework loggers that write caller-supplied text below Warning: the request line (path and
// query), a gRPC status detail that quotes a refused value ("Error status code 'InvalidArgument'
// with detail '...' raised."), JSON transcoding's conversion errors ('Error converting value
// "..."'), proxied URLs, OAuth request parameters. Each gets a Warning floor that configuration
// cannot lower: the rules are added after appsettings' (PostConfigure), and of two rules for the
// same category the later wins. What they log at Warning and above names no request data.
// docs/privacy.md lists them; tests/Privacy.Tests proves it on the running processes.
public static class PrivacyLogFilters
{
    public static readonly IReadOnlyList<string> QuietCategories =
    [
        "Grpc.AspNetCore.Server",                            // status details quoting refused input; unknown service/method names as called
        "Grpc.AspNetCore.Grpc.JsonTranscoding",              // JSON conversion errors with the value
        "Microsoft.AspNetCore.Hosting.Diagnostics",          // "Request starting ... {path}?{query}"
        "Microsoft.AspNetCore.Routing",                      // request paths
        "Microsoft.AspNetCore.Server.Kestrel",               // bad request lines, header values
        "Microsoft.AspNetCore.Authentication",               // token validation failures
        "Microsoft.AspNetCore.Antiforgery",
        "Microsoft.AspNetCore.HttpLogging",
        "Yarp",                                              // proxied URLs
        "OpenIddict",                                        // OAuth request parameters (usernames, redirect URIs)
        "System.Net.Http.HttpClient",                        // outgoing request URIs
    ];

    public static TBuilder AddPrivacyLogFilters<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.PostConfigure<LoggerFilterOptions>(options =>
        {
            foreach (var category in QuietCategories)
            {
                options.Rules.Add(new LoggerFilterRule(providerName: null, category, LogLevel.Warning, filter: null));
            }
        });
        return builder;
    }
}
