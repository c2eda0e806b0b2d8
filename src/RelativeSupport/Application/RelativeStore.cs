using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Samverkan.RelativeSupport.Domain.Catalogue;
using Samverkan.RelativeSupport.Domain.Referrals;
using Samverkan.RelativeSupport.Domain.Relatives;
using Samverkan.RelativeSupport.Domain.Statistics;
using Samverkan.ServiceCore.Indexing;
using Samverkan.Store;

namespace Samverkan.RelativeSupport.Application;

// The service's documents in keyspace {relatives}: relatives, referrals and catalogues, the tally channels,
// plus one index of incoming referrals per municipality and the list indexes of its relatives
// (every state, open, closed; each also for children as relatives only). Versions guard every change.
public sealed class RelativeStore(IDocumentStore store, IChannelReader channels)
{
    public const string Keyspace = "relatives";
    public const string Relatives = "relative";
    public const string Referrals = "referral";
    public const string Catalogues = "catalogue";
    private const int TallyReadBatch = 1_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string IncomingIndex(string municipalityCode) => "incoming-" + municipalityCode;

    // "relatives-2081", "relatives-2081-open", "relatives-2081-children-closed", ...
    public static string RelativesIndex(string municipalityCode, RelativeState? state, bool childrenOnly) =>
        "relatives-" + municipalityCode + (childrenOnly ? "-children" : "") + state switch
        {
            null => "",
            RelativeState.Open => "-open",
            RelativeState.Closed => "-closed",
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a relative state."),
        };

    // The list indexes a relative is in, scored by registration day (a relative that no longer
    // exists is in none). Written as the difference before → after a change (IndexMembership).
    public static IndexMembership MembershipOf(Relative? relative)
    {
        var membership = new IndexMembership();
        if (relative is null) return membership;
        double registered = relative.RegisteredOn.DayNumber;
        foreach (var childrenOnly in relative.Details.IsChild ? new[] { false, true } : [false])
        {
            membership.Add(RelativesIndex(relative.MunicipalityCode, null, childrenOnly), relative.Id, registered);
            membership.Add(RelativesIndex(relative.MunicipalityCode, relative.State, childrenOnly), relative.Id, registered);
        }
        return membership;
    }

    public async Task<IReadOnlyList<(Relative Value, long Version)>> RelativesAsync(IReadOnlyList<string> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : (await store.GetManyAsync(Relatives, ids, ct)).Select(d => (Read<Relative>(d), d.Version)).ToList();

    public Task<(Relative Value, long Version)?> RelativeAsync(string id, CancellationToken ct) => LoadAsync<Relative>(Relatives, id, ct);

    public Task<(Referral Value, long Version)?> ReferralAsync(string id, CancellationToken ct) => LoadAsync<Referral>(Referrals, id, ct);

    public async Task<IReadOnlyList<(Referral Value, long Version)>> ReferralsAsync(IReadOnlyList<string> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : (await store.GetManyAsync(Referrals, ids, ct)).Select(d => (Read<Referral>(d), d.Version)).ToList();

    public async Task<(SupportCatalogue Value, long Version)> CatalogueAsync(string municipalityCode, CancellationToken ct) =>
        await LoadAsync<SupportCatalogue>(Catalogues, municipalityCode, ct) ?? (SupportCatalogue.Default(municipalityCode), 0);

    // Anonymous counts of a municipality's year: an append-only channel per municipality and year,
    // one entry per thing counted, appended in the unit of work of the change it counts.
    public static string TallyChannel(string municipalityCode, int year) => $"tally-{municipalityCode}-{year}";

    public static void Count(UnitOfWork work, string municipalityCode, int year, TallyEntry entry) =>
        work.Append(TallyChannel(municipalityCode, year), Encoding.UTF8.GetBytes(entry.Encode()));

    // The year's counts, added up from every entry (a municipality counts some thousands a year).
    public async Task<Tally> TallyAsync(string municipalityCode, int year, CancellationToken ct)
    {
        var channel = new ChannelAddress(Keyspace, TallyChannel(municipalityCode, year));
        var entries = new List<TallyEntry>();
        for (long after = 0; ;)
        {
            var batch = await channels.ReadAsync(channel, after, TallyReadBatch, ct);
            entries.AddRange(batch.Select(e => TallyEntry.Decode(Encoding.UTF8.GetString(e.Payload.Span))));
            if (batch.Count < TallyReadBatch) return Tally.Of(municipalityCode, year, entries);
            after = batch[^1].Position;
        }
    }

    public static void Put(UnitOfWork work, Relative relative, long version) => work.Put(Relatives, relative.Id, Write(relative), version);

    public static void Put(UnitOfWork work, Referral referral, long version) => work.Put(Referrals, referral.Id, Write(referral), version);

    public static void Put(UnitOfWork work, SupportCatalogue catalogue, long version) => work.Put(Catalogues, catalogue.MunicipalityCode, Write(catalogue), version);


    private async Task<(T, long)?> LoadAsync<T>(string collection, string id, CancellationToken ct)
    {
        var document = await store.GetAsync(collection, id, ct);
        return document is null ? null : (Read<T>(document), document.Version);
    }

    private static T Read<T>(StoredDocument document) =>
        JsonSerializer.Deserialize<T>(document.Data.Span, Json) ?? throw new InvalidDataException($"Document {document.Collection}/{document.Id} is empty.");

    private static byte[] Write<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Json);
}
