using System.Security.Cryptography;
using Google.Protobuf;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.DischargeNotices.Application.Commands;

// A caller's request_id plus a fingerprint of the request it came with. Keys are per organisation
// (two organisations' systems may pick the same id); the fingerprint tells a genuine retry from a
// different request reusing the id.
public sealed record IdempotencyKey(string RequestId, string Fingerprint)
{
    public const int MaxLength = 128;

    // The fingerprint is over the request without its request_id.
    public static IdempotencyKey For(IMessage request, string operation)
    {
        var field = request.Descriptor.FindFieldByName("request_id")
            ?? throw new ArgumentException($"{request.Descriptor.Name} has no request_id field.", nameof(request));
        var requestId = (string)field.Accessor.GetValue(request);
        if (string.IsNullOrWhiteSpace(requestId) || requestId.Length > MaxLength)
        {
            throw CaseRuleViolation.Invalid("request_id", $"request_id is required (a UUID chosen by the caller, at most {MaxLength} characters); reuse it when retrying.");
        }

        var copy = request.Descriptor.Parser.ParseFrom(request.ToByteArray());
        field.Accessor.Clear(copy);
        var hash = SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(operation), .. copy.ToByteArray()]);
        return new IdempotencyKey(requestId.Trim(), Convert.ToHexString(hash, 0, 16));
    }

    public string StoreKey(CallerIdentity caller) => $"{caller.OrganisationCode}/{RequestId}";

    public string ResultId(string caseId, int sequence) => $"{caseId}/{sequence}/{Fingerprint}";

    public static (string CaseId, int Sequence, string Fingerprint) ParseResultId(string resultId)
    {
        var parts = resultId.Split('/');
        return (parts[0], int.Parse(parts[1]), parts[2]);
    }
}
