namespace Samverkan.TestSupport.Faults;

// What a retry with the same request id answered: the id of the record, and whether the service
// said it replayed an earlier result (null when its API does not say).
public sealed record Replay(string Id, bool? Replayed);
