using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Samverkan.ServiceDefaults.Http;

// Refusals written before a call reaches a service (no or bad token, missing role, rate limit) in
// the shape JSON transcoding gives the services' own errors: the HTTP status plus a google.rpc.Status
// body {"code": <gRPC code>, "message": "...", "details": []}. An HTTP/JSON integrator then reads one
// error shape whoever refused the call.
public static class JsonStatusResponse
{
    // The platform's HTTP/JSON routes live under /api/ (docs/gateway.md); other clients that say
    // they send or accept JSON get the same shape.
    public static bool IsJsonCaller(HttpRequest request) =>
        !GrpcRequests.IsGrpc(request) && (
            request.Path.StartsWithSegments("/api")
            || request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true
            || request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true));

    public static Task WriteAsync(HttpResponse response, int httpStatus, StatusCode code, string message)
    {
        response.StatusCode = httpStatus;
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(JsonSerializer.Serialize(new Body((int)code, message, [])));
    }

    private sealed record Body(
        [property: System.Text.Json.Serialization.JsonPropertyName("code")] int Code,
        [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message,
        [property: System.Text.Json.Serialization.JsonPropertyName("details")] object[] Details);
}
