using StackExchange.Redis;

namespace Samverkan.Store.Redis;

// The state of a document key as its "v" field encodes it:
//   key absent          never existed (version 0);
//   v > 0               a live document at version v;
//   v < 0               a tombstone: the document was deleted at version -v (its data is gone).
// Deleting keeps the key as a tombstone so that versions never repeat: a re-created document continues
// at the deleted version + 1, and a client still holding a version of the old document can never match
// the new one (no ABA). State and version share one field on purpose: one HGET reads the whole state
// and one WATCH condition (HashEqual on "v") pins it.
internal readonly record struct DocumentVersion(long Version, bool Exists)
{
    public static DocumentVersion Parse(RedisValue value)
    {
        if (value.IsNull)
        {
            return new DocumentVersion(0, Exists: false);
        }
        var stored = (long)value;
        return stored < 0 ? new DocumentVersion(-stored, Exists: false) : new DocumentVersion(stored, Exists: true);
    }

    // What callers see and compare with: the version of a live document, 0 for absent or deleted
    // (expected version 0 keeps meaning "must not exist").
    public long Visible => Exists ? Version : 0;

    // The version a Put that passed its check writes: replace = expected + 1; create = after the
    // tombstone's version (1 for a document that never existed).
    public long NextAfter(long expectedVersion) => expectedVersion == 0 ? Version + 1 : expectedVersion + 1;

    public static RedisValue Tombstone(long deletedVersion) => -deletedVersion;
}
