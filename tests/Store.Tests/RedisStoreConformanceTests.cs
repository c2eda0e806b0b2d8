using Samverkan.TestSupport.Store;

namespace Samverkan.Store.Tests;

[StoreKind(StoreKind.Redis)]
public sealed class RedisStoreConformanceTests(RedisStoreFixture fixture)
    : StoreConformanceTests(fixture), IClassFixture<RedisStoreFixture>;
