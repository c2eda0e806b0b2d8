namespace Samverkan.AppHost.Hosting;

// One attempt at asking a resource whether it is ready. LastFailure says why the last attempt
// failed, for the timeout message.
public interface IHealthProbe
{
    string Target { get; }

    string? LastFailure { get; }

    Task<bool> CheckAsync(CancellationToken cancellationToken);
}
