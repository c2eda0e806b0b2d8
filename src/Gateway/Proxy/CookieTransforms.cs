using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Samverkan.Gateway.Proxy;

// Browser sessions stay with the portal. Every route strips Cookie on the way in and Set-Cookie on
// the way out unless its metadata says "Samverkan.ForwardCookies": "true" (only the portal route):
// services authenticate bearer tokens, never cookies, so a forgotten route fails safe.
public static class CookieTransforms
{
    public const string ForwardCookiesMetadata = "Samverkan.ForwardCookies";

    public static void Apply(TransformBuilderContext context)
    {
        var forward = context.Route.Metadata?.TryGetValue(ForwardCookiesMetadata, out var value) == true &&
            bool.TryParse(value, out var enabled) && enabled;
        if (forward) return;

        context.AddRequestHeaderRemove(HeaderNames.Cookie);
        context.AddResponseHeaderRemove(HeaderNames.SetCookie, ResponseCondition.Always);
    }
}
