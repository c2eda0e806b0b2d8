namespace Samverkan.TestSupport.Store;

public sealed class GarnetStoreFixture() : StoreServerFixture(StoreKind.Garnet);
