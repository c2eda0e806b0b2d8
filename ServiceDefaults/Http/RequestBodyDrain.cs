using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Samverkan.ServiceDefaults.Http;

// Before a server answers an HTTP/2 call without reading it (a refusal: rate limit, token, proxy
// failure), it reads the rest of the request. Kestrel treats a stream whose response ends before the client's END_STREAM as
// unfinished: it resets it (RST_STREAM NO_ERROR) and keeps tracking it for up to 5 s. Under a
// retry storm those streams pile up past Kestrel's limit of tracked streams (2 x
// MaxStreamsPerConnection); Kestrel then refuses new streams with ENHANCE_YOUR_CALM, closes the
// connection after 100 of those in 5 s, and a late DATA frame for a forgotten stream closes it
// with STREAM_CLOSED - failing every other call on the connection (issue #22). A unary gRPC
// request is one small message that is already on its way, so reading it costs next to nothing.
// Large or streaming bodies are left to Kestrel's reset after MaxBytes or MaxWait.
public static class RequestBodyDrain
{
    public const int MaxBytes = 64 * 1024;
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1);

    public static async Task DrainAsync(HttpContext context)
    {
        if (!HttpProtocol.IsHttp2(context.Request.Protocol) ||
            context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false)
        {
            return;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        wait.CancelAfter(MaxWait);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var total = 0L;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, wait.Token)) > 0)
            {
                total += read;
                if (total > MaxBytes) return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException or InvalidOperationException)
        {
            // The caller left, the body was already consumed or failed, or it is too slow: answer anyway.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
