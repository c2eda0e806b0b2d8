using Samverkan.TestSupport.Store;

namespace Samverkan.Store.Tests;

[StoreKind(StoreKind.Garnet)]
public sealed class GarnetStoreConformanceTests(GarnetStoreFixture fixture)
    : StoreConformanceTests(fixture), IClassFixture<GarnetStoreFixture>;
