using StackExchange.Redis;

namespace Samverkan.Store.Redis;

// A document is a hash { v: version, d: data }: version and data change together in one HSET.
// A deleted document is a tombstone { v: -version } without data (see DocumentVersion).
internal static class DocumentFields
{
    public static readonly RedisValue Version = "v";
    public static readonly RedisValue Data = "d";
    public static readonly RedisValue[] Both = [Version, Data];
}
