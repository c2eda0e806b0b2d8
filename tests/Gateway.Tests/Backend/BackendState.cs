using System.Collections.Concurrent;

namespace Samverkan.Gateway.Tests.Backend;

// What a test backend observed, for tests to await: how each Slow call ended.
public sealed class BackendState(string name)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<SlowCallOutcome>> _slowCalls = new();

    public string Name { get; } = name;

    public Task<SlowCallOutcome> SlowCallOutcome(string callId) => Slot(callId).Task;

    public void Record(string callId, SlowCallOutcome outcome) => Slot(callId).TrySetResult(outcome);

    private TaskCompletionSource<SlowCallOutcome> Slot(string callId) =>
        _slowCalls.GetOrAdd(callId, _ => new TaskCompletionSource<SlowCallOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
}
