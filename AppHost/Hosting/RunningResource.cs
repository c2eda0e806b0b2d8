namespace Samverkan.AppHost.Hosting;

// A declared resource during one launch: its state, its process, and a signal dependents await.
public sealed class RunningResource(Resource resource)
{
    public Resource Resource { get; } = resource;

    public ResourceState State { get; set; } = ResourceState.NotStarted;

    public ResourceProcess? Process { get; set; }

    // Completed when the resource is first healthy: what WaitFor waits on.
    public TaskCompletionSource Healthy { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
