namespace Samverkan.TestSupport.Store;

public enum StoreKind
{
    // redis-server from PATH with deploy/redis/redis.conf.
    Redis,

    // Microsoft Garnet in the Samverkan.EmbeddedStore process (always available: it is built with the tests).
    Garnet,
}
