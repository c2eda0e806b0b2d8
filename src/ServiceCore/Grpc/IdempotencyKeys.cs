using System.Security.Cryptography;
using Google.Protobuf;
using Samverkan.ServiceCore.Commands;
using Samverkan.SharedKernel.Rules;

namespace Samverkan.ServiceCore.Grpc;

// The idempotency key of a gRPC request: its request_id field, and a fingerprint over the operation
// and the request without its request_id. Every command request message has a string request_id.
public static class IdempotencyKeys
{
    public static IdempotencyKey For(IMessage request, string operation)
    {
        var field = request.Descriptor.FindFieldByName("request_id")
            ?? throw new ArgumentException($"{request.Descriptor.Name} has no request_id field.", nameof(request));
        var requestId = (string)field.Accessor.GetValue(request);
        if (string.IsNullOrWhiteSpace(requestId) || requestId.Length > IdempotencyKey.MaxLength)
        {
            throw RuleViolation.Invalid("request_id",
                $"request_id is required (a UUID chosen by the caller, at most {IdempotencyKey.MaxLength} characters); reuse it when retrying.");
        }

        var copy = request.Descriptor.Parser.ParseFrom(request.ToByteArray());
        field.Accessor.Clear(copy);
        var hash = SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(operation), .. copy.ToByteArray()]);
        return new IdempotencyKey(requestId.Trim(), Convert.ToHexString(hash, 0, 16));
    }
}
