using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Samverkan.PersonalOmbudsmen.Application.Shredding;
using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Statistics;
using Samverkan.SharedKernel.Identity;
using Samverkan.Store;

namespace Samverkan.PersonalOmbudsmen.Application.Persistence;

// An assignment as read from the store, with its data key (open assignments only) and the versions
// its next commit must check. Dispose zeroes the key.
public sealed class LoadedAssignment(Assignment assignment, long version, DataKey? key, long keyVersion, long statisticVersion) : IDisposable
{
    public Assignment Assignment { get; } = assignment;
    public long Version { get; } = version;
    public DataKey? Key { get; } = key;
    public long KeyVersion { get; } = keyVersion;
    public long StatisticVersion { get; } = statisticVersion;

    public DataKey RequireKey() => Key ?? throw new InvalidOperationException($"Assignment {Assignment.Id} is closed; its key is destroyed.");

    public void Dispose() => Key?.Dispose();
}

// Reads and stages writes of assignments so that no personal data ever reaches the store in
// readable form: the content is sealed with the assignment's own data key, the key is stored only
// wrapped with the key-encryption key from configuration, and closing deletes both the key and the
// ciphertext in one commit (crypto-shredding). The statistics record is written beside it.
public sealed class AssignmentRepository(IDocumentStore store, KeyRing keyRing)
{
    public async Task<LoadedAssignment?> LoadAsync(string assignmentId, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(OmbudStore.Assignments, assignmentId, cancellationToken);
        if (document is null) return null;
        var header = Header(document);
        if (header.Status == AssignmentStatus.Closed || header.Content is null)
        {
            var closed = new Assignment(header.Id, header.MunicipalityCode, header.UnitId, "", AssignmentStatus.Closed, null, null, default, [], [], [], []);
            return new LoadedAssignment(closed, document.Version, null, 0, 0);
        }

        var wrapped = await store.GetAsync(OmbudStore.DataKeys, assignmentId, cancellationToken)
            ?? throw new InvalidDataException($"Open assignment {assignmentId} has no data key.");
        var key = DataKey.FromMaterial(keyRing.Unwrap(wrapped.Data.Span, assignmentId), assignmentId);
        try
        {
            var content = JsonSerializer.Deserialize(key.Open(header.Content, AssociatedData(header)), OmbudJsonContext.Default.AssignmentContent)
                ?? throw new InvalidDataException($"Assignment {assignmentId} has empty content.");
            var statistic = await store.GetAsync(OmbudStore.Statistics, content.StatisticsId, cancellationToken);
            return new LoadedAssignment(ToAssignment(header, content), document.Version, key, wrapped.Version, statistic?.Version ?? 0);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    // The status from the plain header, without opening anything; null when there is no such assignment.
    public async Task<AssignmentStatus?> StatusAsync(string assignmentId, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(OmbudStore.Assignments, assignmentId, cancellationToken);
        return document is null ? null : Header(document).Status;
    }

    // The data key of an open assignment; null when closed (destroyed) or unknown.
    public async Task<DataKey?> LoadKeyAsync(string assignmentId, CancellationToken cancellationToken)
    {
        var wrapped = await store.GetAsync(OmbudStore.DataKeys, assignmentId, cancellationToken);
        return wrapped is null ? null : DataKey.FromMaterial(keyRing.Unwrap(wrapped.Data.Span, assignmentId), assignmentId);
    }

    // A new assignment: its wrapped key, sealed content, place in the unit's open list and its
    // statistics record, all in the caller's unit of work.
    public void StageOpen(UnitOfWork work, Assignment assignment, DataKey key)
    {
        work.Put(OmbudStore.DataKeys, assignment.Id, keyRing.Wrap(key.Material, assignment.Id), expectedVersion: 0);
        work.Put(OmbudStore.Assignments, assignment.Id, Seal(assignment, key), expectedVersion: 0);
        work.Index(OmbudStore.Indexes.OpenByUnit(assignment.UnitId), assignment.Id, assignment.OpenedAt.ToUnixTimeMilliseconds());
        StageStatistic(work, assignment.Statistic(), expectedVersion: 0);
    }

    // A changed open assignment, re-sealed (a fresh nonce every time); its statistics record when
    // what it counts changed.
    public void StageChange(UnitOfWork work, LoadedAssignment loaded, AssignmentStatistic before)
    {
        var assignment = loaded.Assignment;
        work.Put(OmbudStore.Assignments, assignment.Id, Seal(assignment, loaded.RequireKey()), loaded.Version);
        var after = assignment.Statistic();
        if (!after.SameAs(before)) StageStatistic(work, after, loaded.StatisticVersion);
    }

    // Closing: the header alone replaces the sealed content, the data key is deleted, the
    // assignment leaves the open list and the statistics record gets its final form.
    public void StageClose(UnitOfWork work, LoadedAssignment loaded, AssignmentStatistic final)
    {
        var assignment = loaded.Assignment;
        var header = new AssignmentDocument(assignment.Id, assignment.MunicipalityCode, assignment.UnitId, AssignmentStatus.Closed, null);
        work.Put(OmbudStore.Assignments, assignment.Id, JsonSerializer.SerializeToUtf8Bytes(header, OmbudJsonContext.Default.AssignmentDocument), loaded.Version);
        work.Delete(OmbudStore.DataKeys, assignment.Id, loaded.KeyVersion);
        work.Unindex(OmbudStore.Indexes.OpenByUnit(assignment.UnitId), assignment.Id);
        StageStatistic(work, final, loaded.StatisticVersion);
    }

    private static void StageStatistic(UnitOfWork work, AssignmentStatistic statistic, long expectedVersion)
    {
        work.Put(OmbudStore.Statistics, statistic.Id, JsonSerializer.SerializeToUtf8Bytes(statistic, OmbudJsonContext.Default.AssignmentStatistic), expectedVersion);
        if (expectedVersion == 0) work.Index(OmbudStore.Indexes.StatisticsOf(statistic.MunicipalityCode), statistic.Id, statistic.StartYear);
    }

    private static AssignmentDocument Header(StoredDocument document) =>
        JsonSerializer.Deserialize(document.Data.Span, OmbudJsonContext.Default.AssignmentDocument)
            ?? throw new InvalidDataException($"Assignment document {document.Id} is empty.");

    private static byte[] Seal(Assignment assignment, DataKey key)
    {
        var client = assignment.Client!;
        var content = new AssignmentContent(
            assignment.StatisticsId,
            new ClientContent(client.PersonalIdentityNumber.Value, client.GivenName, client.FamilyName, client.Phone, client.ProtectedIdentity),
            assignment.Mandate!.GivenAt,
            assignment.Mandate.Form,
            assignment.OpenedAt,
            [.. assignment.Areas],
            [.. assignment.Goals],
            [.. assignment.Notes],
            [.. assignment.Contacts]);
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(content, OmbudJsonContext.Default.AssignmentContent);
        try
        {
            var header = new AssignmentDocument(assignment.Id, assignment.MunicipalityCode, assignment.UnitId, AssignmentStatus.Open, null);
            var sealedContent = key.Seal(plaintext, AssociatedData(header));
            return JsonSerializer.SerializeToUtf8Bytes(header with { Content = sealedContent }, OmbudJsonContext.Default.AssignmentDocument);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    // The header fields the ciphertext belongs to: content moved to another assignment, unit or
    // municipality in the store does not open.
    private static byte[] AssociatedData(AssignmentDocument header) =>
        Encoding.UTF8.GetBytes($"samverkan.ombud.assignment.v1\0{header.Id}\0{header.MunicipalityCode}\0{header.UnitId}");

    private static Assignment ToAssignment(AssignmentDocument header, AssignmentContent content) => new(
        header.Id,
        header.MunicipalityCode,
        header.UnitId,
        content.StatisticsId,
        AssignmentStatus.Open,
        new Client(PersonalIdentityNumber.Parse(content.Client.PersonalIdentityNumber), content.Client.GivenName,
            content.Client.FamilyName, content.Client.Phone, content.Client.ProtectedIdentity),
        new Mandate(content.MandateGivenAt, content.MandateForm),
        content.OpenedAt,
        content.Areas,
        content.Goals,
        content.Notes,
        content.Contacts);
}
