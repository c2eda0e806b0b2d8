namespace Samverkan.TestSupport.Store;

public sealed class RedisStoreFixture() : StoreServerFixture(StoreKind.Redis);
