using Microsoft.Net.Http.Headers;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Gateway.Grpc;

// Recognises gRPC calls (native and gRPC-Web) by content type, the way gRPC servers do.
public static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";

    // The same rule the services' authentication uses to answer in gRPC terms.
    public static bool IsGrpcRequest(HttpRequest request) => GrpcRequests.IsGrpc(request);

    public static bool HasGrpcStatus(HttpResponse response) =>
        response.Headers.ContainsKey(StatusHeader);

    internal static void SetContentType(HttpResponse response) =>
        response.Headers[HeaderNames.ContentType] = ContentType;
}
