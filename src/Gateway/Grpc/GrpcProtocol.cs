using Microsoft.Net.Http.Headers;

namespace Samverkan.Gateway.Grpc;

// Recognises gRPC calls (native and gRPC-Web) by content type, the way gRPC servers do.
public static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";

    public static bool IsGrpcRequest(HttpRequest request) =>
        request.Headers.ContentType.ToString() is { Length: > 0 } contentType &&
        contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase);

    public static bool HasGrpcStatus(HttpResponse response) =>
        response.Headers.ContainsKey(StatusHeader);

    internal static void SetContentType(HttpResponse response) =>
        response.Headers[HeaderNames.ContentType] = ContentType;
}
