namespace Samverkan.AppHost.Hosting;

public enum StoreKind
{
    // redis-server when it is on PATH, otherwise Garnet.
    Auto,
    Redis,
    Garnet,
}
