using System.Text.Json;
using Samverkan.Store;

namespace Samverkan.SipPlans.Application.Persistence;

// Reads plans from the store and stages their writes. The plan document is the event history; the
// store version guards against lost updates between a load and its commit.
public sealed class PlanRepository(IDocumentStore store)
{
    public async Task<LoadedPlan?> LoadAsync(string planId, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(SipStore.Plans, planId, cancellationToken);
        return document is null ? null : new LoadedPlan(Deserialize(document), document.Version);
    }

    public async Task<IReadOnlyList<LoadedPlan>> LoadManyAsync(IReadOnlyList<string> planIds, CancellationToken cancellationToken)
    {
        if (planIds.Count == 0) return [];
        var documents = await store.GetManyAsync(SipStore.Plans, planIds.Distinct().ToList(), cancellationToken);
        var byId = documents.ToDictionary(d => d.Id, d => new LoadedPlan(Deserialize(d), d.Version));
        return planIds.Distinct().Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    public async Task<(DischargeLink? Link, long Version)> FindDischargeLinkAsync(string dischargeCaseId, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(SipStore.DischargeLinks, dischargeCaseId, cancellationToken);
        return document is null ? (null, 0) : (JsonSerializer.Deserialize<DischargeLink>(document.Data.Span, SipJson.Options), document.Version);
    }

    public static void StagePut(UnitOfWork work, SipPlan plan, long expectedVersion) =>
        work.Put(SipStore.Plans, plan.Id, JsonSerializer.SerializeToUtf8Bytes(new PlanDocument(plan.Id, plan.Events), SipJson.Options), expectedVersion);

    public static void StageDischargeLink(UnitOfWork work, string dischargeCaseId, string planId) =>
        work.Put(SipStore.DischargeLinks, dischargeCaseId, JsonSerializer.SerializeToUtf8Bytes(new DischargeLink(planId), SipJson.Options), expectedVersion: 0);

    public static SipPlan Deserialize(StoredDocument document)
    {
        var stored = JsonSerializer.Deserialize<PlanDocument>(document.Data.Span, SipJson.Options)
            ?? throw new InvalidDataException($"Plan document {document.Id} is empty.");
        return SipPlan.Rehydrate(stored.Id, stored.Events);
    }
}
