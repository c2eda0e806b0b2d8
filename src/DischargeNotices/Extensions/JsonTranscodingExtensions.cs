using Google.Protobuf.Reflection;
using Google.Rpc;

namespace Microsoft.Extensions.Hosting;

// HTTP/JSON for systems that cannot speak gRPC: the google.api.http annotations of the contract
// map paths under /api/discharge/v1/ to the same service methods, so authorization, access records,
// idempotency (the body field requestId) and error mapping are exactly those of the gRPC calls.
// The service stays h2c-only; the gateway forwards JSON to it over HTTP/2.
public static class JsonTranscodingExtensions
{
    public static TBuilder AddDischargeJsonTranscoding<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddGrpc().AddJsonTranscoding(options =>
        {
            // Error bodies carry the google.rpc details the gRPC status carries (BadRequest names the
            // field, PreconditionFailure the missing consent, ErrorInfo the trimmed feed position);
            // an Any can only be written as JSON when its type is known.
            options.TypeRegistry = TypeRegistry.FromMessages(
                BadRequest.Descriptor, PreconditionFailure.Descriptor, ErrorInfo.Descriptor);
        });
        return builder;
    }
}
