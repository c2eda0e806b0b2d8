using System.Text;
using Grpc.Core;

namespace Samverkan.Gateway.Grpc;

// Answers a gRPC call from the gateway itself with a "trailers-only" response: HTTP 200 whose
// headers carry grpc-status and grpc-message and which ends at once. Every gRPC client reads that
// as a proper status (Unauthenticated, ResourceExhausted, ...), where a bare HTTP 401/429/503
// would be mapped by the client to a guess (Unavailable, Unknown).
public static class GrpcStatusResponse
{
    public static Task WriteAsync(HttpContext context, StatusCode status, string message)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status200OK;
        GrpcProtocol.SetContentType(response);
        response.Headers[GrpcProtocol.StatusHeader] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[GrpcProtocol.MessageHeader] = PercentEncode(message);
        return response.CompleteAsync();
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
