using System.Text.Json;
using Samverkan.PersonalOmbudsmen.Application.Persistence;
using Samverkan.PersonalOmbudsmen.Domain.Deficiencies;
using Samverkan.Store;

namespace Samverkan.PersonalOmbudsmen.Application.Deficiencies;

public sealed record LoadedDeficiency(SystemDeficiency Deficiency, long Version);

// System deficiencies carry no personal data (the domain screens their texts), so they are stored
// as they are; the municipality's index orders them by the day they were reported.
public sealed class DeficiencyRepository(IDocumentStore store)
{
    public async Task<LoadedDeficiency?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(OmbudStore.Deficiencies, id, cancellationToken);
        return document is null ? null : new LoadedDeficiency(Deserialize(document), document.Version);
    }

    public async Task<IReadOnlyList<LoadedDeficiency>> LoadManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : (await store.GetManyAsync(OmbudStore.Deficiencies, ids, cancellationToken)).Select(d => new LoadedDeficiency(Deserialize(d), d.Version)).ToList();

    // Every deficiency of a municipality reported on or before the day.
    public async Task<IReadOnlyList<SystemDeficiency>> ReportedUpToAsync(string municipalityCode, DateOnly day, CancellationToken cancellationToken)
    {
        var result = new List<SystemDeficiency>();
        const int batch = 500;
        for (var skip = 0; ; skip += batch)
        {
            var entries = await store.QueryIndexAsync(OmbudStore.Indexes.DeficienciesOf(municipalityCode), double.NegativeInfinity, day.DayNumber, skip, batch, cancellationToken: cancellationToken);
            result.AddRange((await LoadManyAsync(entries.Select(e => e.Member).ToList(), cancellationToken)).Select(l => l.Deficiency));
            if (entries.Count < batch) return result;
        }
    }

    public static void StagePut(UnitOfWork work, SystemDeficiency deficiency, long expectedVersion)
    {
        work.Put(OmbudStore.Deficiencies, deficiency.Id, JsonSerializer.SerializeToUtf8Bytes(deficiency, OmbudJsonContext.Default.SystemDeficiency), expectedVersion);
        if (expectedVersion == 0) work.Index(OmbudStore.Indexes.DeficienciesOf(deficiency.MunicipalityCode), deficiency.Id, deficiency.ReportedOn.DayNumber);
    }

    private static SystemDeficiency Deserialize(StoredDocument document) =>
        JsonSerializer.Deserialize(document.Data.Span, OmbudJsonContext.Default.SystemDeficiency)
            ?? throw new InvalidDataException($"Deficiency document {document.Id} is empty.");
}
