namespace Samverkan.RelativeSupport.Domain.Relatives;

public sealed record Need(string Text, DateOnly RecordedOn);

public sealed record FollowUp(DateOnly FollowedUpOn, string Note);

// One support form offered to the relative, and how it went.
public sealed record Support(string Id, SupportForm Form, SupportStatus Status, DateOnly OfferedOn, DateOnly? StartedOn, DateOnly? EndedOn);
