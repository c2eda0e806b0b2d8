namespace Samverkan.AppHost.Hosting;

// Aspire's IResourceBuilder<T>: the handle fluent declarations chain on. Covariant, so a store
// builder can be passed wherever any resource is expected (WithReference, WaitFor).
public interface IResourceBuilder<out T> where T : Resource
{
    T Resource { get; }

    DistributedApplicationBuilder ApplicationBuilder { get; }
}
