namespace Samverkan.AppHost.Hosting;

public static class StoreBuilderExtensions
{
    // Aspire would say AddRedis(name). Which server runs is chosen by --store / SAMVERKAN_STORE.
    public static IResourceBuilder<StoreResource> AddStore(this DistributedApplicationBuilder app, string name, int port) =>
        app.AddResource(new StoreResource(name, app.Port(port), app.Options.ResolveStoreKind()));
}
