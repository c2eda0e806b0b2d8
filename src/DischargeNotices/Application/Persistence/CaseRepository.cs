using System.Text.Json;
using Samverkan.Store;

namespace Samverkan.DischargeNotices.Application.Persistence;

// Reads cases from the store and stages their writes into a unit of work. The case document is the
// event history; its version guards against lost updates (optimistic concurrency).
public sealed class CaseRepository(IDocumentStore store)
{
    public async Task<LoadedCase?> LoadAsync(string caseId, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(DischargeStore.Cases, caseId, cancellationToken);
        return document is null ? null : new LoadedCase(Deserialize(document), document.Version);
    }

    public async Task<IReadOnlyList<LoadedCase>> LoadManyAsync(IReadOnlyList<string> caseIds, CancellationToken cancellationToken)
    {
        if (caseIds.Count == 0) return [];
        var documents = await store.GetManyAsync(DischargeStore.Cases, caseIds.Distinct().ToList(), cancellationToken);
        return documents.Select(d => new LoadedCase(Deserialize(d), d.Version)).ToList();
    }

    public async Task<OpenPatientLock?> FindOpenCaseAsync(string personRef, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(DischargeStore.OpenPatients, personRef, cancellationToken);
        return document is null ? null : JsonSerializer.Deserialize(document.Data.Span, DischargeJsonContext.Default.OpenPatientLock);
    }

    public async Task<long> OpenPatientLockVersionAsync(string personRef, CancellationToken cancellationToken) =>
        (await store.GetAsync(DischargeStore.OpenPatients, personRef, cancellationToken))?.Version ?? 0;

    public static void StagePut(UnitOfWork work, DischargeCase @case, long expectedVersion) =>
        work.Put(DischargeStore.Cases, @case.Id, Serialize(@case), expectedVersion);

    public static void StageOpenPatientLock(UnitOfWork work, string personRef, string caseId) =>
        work.Put(DischargeStore.OpenPatients, personRef,
            JsonSerializer.SerializeToUtf8Bytes(new OpenPatientLock(caseId), DischargeJsonContext.Default.OpenPatientLock), expectedVersion: 0);

    public static void StageReleaseOpenPatientLock(UnitOfWork work, string personRef, long version) =>
        work.Delete(DischargeStore.OpenPatients, personRef, version);

    public static byte[] Serialize(DischargeCase @case) =>
        JsonSerializer.SerializeToUtf8Bytes(new CaseDocument(@case.Id, @case.Events), DischargeJsonContext.Default.CaseDocument);

    public static DischargeCase Deserialize(StoredDocument document)
    {
        var stored = JsonSerializer.Deserialize(document.Data.Span, DischargeJsonContext.Default.CaseDocument)
            ?? throw new InvalidDataException($"Case document {document.Id} is empty.");
        return DischargeCase.Rehydrate(stored.Id, stored.Events);
    }
}
