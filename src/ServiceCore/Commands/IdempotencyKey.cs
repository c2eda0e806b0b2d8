using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.ServiceCore.Commands;

// A caller's request_id plus a fingerprint of the request it came with. Keys are per organisation
// (two organisations' systems may pick the same id); the fingerprint tells a genuine retry from a
// different request reusing the id. Made from a gRPC request by IdempotencyKeys.For (ServiceCore.Grpc);
// nothing here depends on protobuf.
public sealed record IdempotencyKey(string RequestId, string Fingerprint)
{
    public const int MaxLength = 128;

    public string StoreKey(CallerIdentity caller) => $"{caller.OrganisationCode}/{RequestId}";

    // What the store keeps for the key: the command's result reference (e.g. "{caseId}/{sequence}";
    // may contain '/') and the fingerprint.
    public string ResultId(string resultRef) => $"{resultRef}/{Fingerprint}";

    public static (string ResultRef, string Fingerprint) ParseResultId(string resultId)
    {
        var split = resultId.LastIndexOf('/');
        return split < 0 ? throw new FormatException("A stored idempotency result has no fingerprint.") : (resultId[..split], resultId[(split + 1)..]);
    }
}
