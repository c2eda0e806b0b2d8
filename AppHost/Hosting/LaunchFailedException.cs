namespace Samverkan.AppHost.Hosting;

// A launch problem the user can act on: the message names the resource and what to do;
// LogTail carries that resource's last output lines when it has any.
public sealed class LaunchFailedException(string message, string? resourceName = null, IReadOnlyList<string>? logTail = null)
    : Exception(message)
{
    public string? ResourceName { get; } = resourceName;

    public IReadOnlyList<string> LogTail { get; } = logTail ?? [];
}
