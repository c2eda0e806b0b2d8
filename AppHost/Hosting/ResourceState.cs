namespace Samverkan.AppHost.Hosting;

// Written to resources.json as text, for each resource and for the launch as a whole.
public enum ResourceState
{
    NotStarted,
    // Started only once the resources it WaitsFor are healthy.
    Waiting,
    Starting,
    Healthy,
    Failed,
    Stopping,
    Stopped,
}
