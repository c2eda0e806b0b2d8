namespace Samverkan.DischargeNotices.Application.Commands;

// The case after a step and the event the step is answered with. Replayed: nothing new was
// recorded, because the request (or the acknowledgement) had already been processed.
public sealed record CommandOutcome(DischargeCase Case, CaseEvent Event, bool Replayed);
