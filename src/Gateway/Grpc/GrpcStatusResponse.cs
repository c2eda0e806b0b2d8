using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Samverkan.ServiceDefaults.Http;
using StatusCode = Grpc.Core.StatusCode;

namespace Samverkan.Gateway.Grpc;

// Answers a gRPC call from the gateway itself with a "trailers-only" response: HTTP 200 whose
// headers carry grpc-status and grpc-message and which ends at once. Every gRPC client reads that
// as a proper status (Unauthenticated, ResourceExhausted, ...), where a bare HTTP 401/429/503
// would be mapped by the client to a guess (Unavailable, Unknown).
// The request is read to its end first (RequestBodyDrain), so the refusal ends the HTTP/2 stream
// normally instead of leaving Kestrel a half-read stream to reset (issue #22).
public static class GrpcStatusResponse
{
    public const string RetryPushbackHeader = "grpc-retry-pushback-ms";
    public const string StatusDetailsHeader = "grpc-status-details-bin";

    // retryAfter: when the caller may try again. Sent twice: as grpc-retry-pushback-ms (gRFC A6,
    // honoured by gRPC clients' retry policies) and as a google.rpc.RetryInfo detail (what
    // integrators read with RpcException.GetRpcStatus()).
    public static async Task WriteAsync(HttpContext context, StatusCode status, string message, TimeSpan? retryAfter = null)
    {
        await RequestBodyDrain.DrainAsync(context);

        var response = context.Response;
        if (response.HasStarted) return;
        response.Clear();
        response.StatusCode = StatusCodes.Status200OK;
        GrpcProtocol.SetContentType(response);
        response.Headers[GrpcProtocol.StatusHeader] = ((int)status).ToString(CultureInfo.InvariantCulture);
        response.Headers[GrpcProtocol.MessageHeader] = PercentEncode(message);
        if (retryAfter is { } delay)
        {
            response.Headers[RetryPushbackHeader] = ((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            var details = new Google.Rpc.Status
            {
                Code = (int)status,
                Message = message,
                Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }) },
            };
            response.Headers[StatusDetailsHeader] = Convert.ToBase64String(details.ToByteArray());
        }
        await response.CompleteAsync();
    }

    // grpc-message is percent-encoded: every byte outside printable ASCII, and '%' itself
    // (https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-HTTP2.md).
    internal static string PercentEncode(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }
}
