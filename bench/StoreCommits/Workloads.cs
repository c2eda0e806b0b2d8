using Samverkan.Store;

namespace Samverkan.Bench.StoreCommits;

// The units of work measured. Sizes follow the discharge service's SendAdmissionNotice commit: the
// case document, the patient's open-case lock, four index entries, an integration event, a feed
// entry, an access record and the request's idempotency key (~3.3 KB in one MULTI/EXEC).
internal static class Workloads
{
    private static readonly byte[] CaseDocument = Filled(2_400);
    private static readonly byte[] OpenCaseLock = Filled(80);
    private static readonly byte[] IntegrationEvent = Filled(420);
    private static readonly byte[] FeedEntry = Filled(90);
    private static readonly byte[] AccessRecord = Filled(320);

    public static readonly string[] Names = ["notice", "update", "read+record"];

    public static string Describe(string name) => name switch
    {
        "notice" => "create: 2 documents (2.4 KB + 80 B, expected new), 4 index entries, 3 channel appends (420 + 90 + 320 B), 1 idempotency key",
        "update" => "replace one document per caller (2.4 KB, expected version = the one it wrote last) + 1 access record",
        "read+record" => "an audited read: commit 1 access record (320 B, no checks), then read the 2.4 KB document",
        _ => throw new ArgumentException($"Unknown workload {name}; known: {string.Join(", ", Names)}"),
    };

    // One operation of the workload for a caller; true when it committed. Each caller has its own state.
    public static Func<long, Task<bool>> ForCaller(string name, IDocumentStore store, int caller) => name switch
    {
        "notice" => async n =>
        {
            var id = $"c{caller}-{n}";
            var result = await store.CommitAsync(new UnitOfWork()
                .Put("case", id, CaseDocument, 0)
                .Put("open-patient", $"p{caller}-{n}", OpenCaseLock, 0)
                .Index("case-by-unit:2080-soc", id, n)
                .Index("case-due", id, n)
                .Index("case-open", id, n)
                .Index($"patient:p{caller}-{n}", id, n)
                .Append("events", IntegrationEvent)
                .Append("feed-2080", FeedEntry)
                .Append("audit", AccessRecord)
                .ClaimIdempotencyKey("request", $"r{caller}-{n}", id));
            return result is Committed;
        },
        "update" => UpdateOwnDocument(store, caller),
        "read+record" => async n =>
        {
            var result = await store.CommitAsync(new UnitOfWork().Append("audit", AccessRecord));
            _ = await store.GetAsync("case", $"r{caller}");
            return result is Committed;
        },
        _ => throw new ArgumentException($"Unknown workload {name}"),
    };

    private static Func<long, Task<bool>> UpdateOwnDocument(IDocumentStore store, int caller)
    {
        var version = 0L;
        var id = $"u{caller}";
        return async _ =>
        {
            var result = await store.CommitAsync(new UnitOfWork()
                .Put("case", id, CaseDocument, version)
                .Append("audit", AccessRecord));
            if (result is not Committed)
            {
                return false;
            }
            version++;
            return true;
        };
    }

    private static byte[] Filled(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
