using Samverkan.Contracts.Audit.V1;

namespace Samverkan.AccessLog.Chain;

// An entry of the chain as review reads it: its sequence and the record (null when the stored
// bytes are not an access record, which verification reports).
public sealed record ChainedAccess(long Sequence, AccessRecord? Record);
