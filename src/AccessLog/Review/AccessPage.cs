using Samverkan.ServiceCore.Paging;
using Samverkan.AccessLog.Chain;

namespace Samverkan.AccessLog.Review;

public sealed record AccessPage(IReadOnlyList<ChainedAccess> Entries, PageToken? Next);
