using Samverkan.PersonalOmbudsmen.Application.Persistence;
using Samverkan.SharedKernel.Directory;
using Samverkan.Store;

namespace Samverkan.PersonalOmbudsmen.Application.Shredding;

// Key rotation, the step that makes closing final in backups too: re-wraps every live data key
// (the open assignments') with the active key-encryption key. Once a pass reports nothing left on
// the old KEK and every backup taken before it has expired, the old KEK is deleted from the secret
// store; copies of destroyed data keys in old backups or AOF segments can then never be unwrapped.
public sealed class DataKeyRewrap(IDocumentStore store, KeyRing keyRing, UnitDirectory directory)
{
    private const int Batch = 200;

    // Returns how many keys were re-wrapped and how many still are on an old KEK (moved concurrently).
    public async Task<(int Rewrapped, int Remaining)> RunAsync(CancellationToken cancellationToken)
    {
        var rewrapped = 0;
        var remaining = 0;
        var units = directory.Organisations.SelectMany(o => o.Units).Where(u => u.Kind == UnitKind.PersonalOmbudsman);
        foreach (var unit in units)
        {
            for (var skip = 0; ; skip += Batch)
            {
                var entries = await store.QueryIndexAsync(OmbudStore.Indexes.OpenByUnit(unit.Id), double.NegativeInfinity, double.PositiveInfinity, skip, Batch, cancellationToken: cancellationToken);
                foreach (var entry in entries)
                {
                    switch (await RewrapAsync(entry.Member, cancellationToken))
                    {
                        case true: rewrapped++; break;
                        case null: remaining++; break;
                    }
                }
                if (entries.Count < Batch) break;
            }
        }
        return (rewrapped, remaining);
    }

    // true: re-wrapped; false: nothing to do (current KEK, or the assignment closed meanwhile);
    // null: it changed concurrently (the next pass takes it).
    private async Task<bool?> RewrapAsync(string assignmentId, CancellationToken cancellationToken)
    {
        var wrapped = await store.GetAsync(OmbudStore.DataKeys, assignmentId, cancellationToken);
        if (wrapped is null || !keyRing.NeedsRewrap(wrapped.Data.Span)) return false;
        var material = keyRing.Unwrap(wrapped.Data.Span, assignmentId);
        try
        {
            var work = new UnitOfWork().Put(OmbudStore.DataKeys, assignmentId, keyRing.Wrap(material, assignmentId), wrapped.Version);
            return await store.CommitAsync(work, cancellationToken) is Committed ? true : null;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(material);
        }
    }
}
