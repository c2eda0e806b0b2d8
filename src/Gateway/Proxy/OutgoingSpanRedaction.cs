using OpenTelemetry.Instrumentation.Http;

namespace Samverkan.Gateway.Proxy;

// The gateway's outgoing spans record the destination without its query string: JSON-transcoded
// routes may carry identifiers there, and Aspire turns query redaction off in Development.
public static class OutgoingSpanRedaction
{
    public static void Configure(HttpClientTraceInstrumentationOptions options)
    {
        options.EnrichWithHttpRequestMessage = (activity, request) =>
        {
            if (request.RequestUri is { } uri)
            {
                activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Path));
            }
        };
    }
}
