using Google.Protobuf;
using Samverkan.AccessLog.Chain;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Store;

namespace Samverkan.AccessLog.Review;

// Reviews are documents "review/{review_id}" written once (expected version 0, never replaced)
// and indexed per entry. The entry itself is never touched; the review's own access record goes
// into the hash chain, so the review trail is tamper-evident too.
public sealed class ReviewStore(IDocumentStore store)
{
    private const string Collection = "review";

    public static void Add(UnitOfWork work, AccessReview review)
    {
        work.Put(Collection, review.ReviewId, review.ToByteArray(), expectedVersion: 0);
        work.Index(AccessIndexes.Reviews(review.Sequence), review.ReviewId, AccessIndexes.Score(review.ReviewedAt.ToDateTimeOffset()));
    }

    public async Task<AccessReview?> GetAsync(string reviewId, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(Collection, reviewId, cancellationToken);
        return document is null ? null : AccessReview.Parser.ParseFrom(document.Data.Span);
    }

    public async Task<IReadOnlyList<AccessReview>> ForEntryAsync(long sequence, CancellationToken cancellationToken)
    {
        var ids = await store.QueryIndexAsync(AccessIndexes.Reviews(sequence), double.NegativeInfinity, double.PositiveInfinity, 0, 1000,
            cancellationToken: cancellationToken);
        if (ids.Count == 0) return [];
        var documents = await store.GetManyAsync(Collection, ids.Select(i => i.Member).ToList(), cancellationToken);
        return documents.Select(d => AccessReview.Parser.ParseFrom(d.Data.Span)).OrderBy(r => r.ReviewedAt).ToList();
    }
}
