using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Events.V1;
using Samverkan.Store;

namespace Samverkan.SipPlans.Application.Integration;

// Tells the discharge service, through this service's "events" channel in the same commit as the
// step, when the invitations of a plan opened from a discharge case went out: the SIP plans service
// is the one place the SIP invitation is recorded, and the discharge case's 3-day deadline is met by
// this event (no second entry there). Delivery is at least once; the consumer dedupes.
public sealed class SipIntegrationEvents
{
    public const string Source = "sip-plans";

    public void Stage(UnitOfWork work, SipPlan plan, IReadOnlyList<PlanEvent> newEvents)
    {
        foreach (var invitations in newEvents.OfType<InvitationsSent>())
        {
            if (plan.InvitationDeadline is not { Cancelled: false } deadline || deadline.MetAt != invitations.OccurredAt) continue;
            var payload = new SipInvitationSent
            {
                SipPlanId = plan.Id,
                DischargeCaseId = deadline.DischargeCaseId,
                ReadinessEventSequence = deadline.ReadinessSequence,
                InvitedAt = Timestamp.FromDateTimeOffset(invitations.OccurredAt),
                InvitingUnit = new UnitRef { Id = invitations.Actor.UnitId ?? "" },
            };
            var envelope = new IntegrationEventEnvelope
            {
                EventId = Guid.NewGuid().ToString(),
                OccurredAt = payload.InvitedAt,
                Source = Source,
                TraceParent = Activity.Current?.Id ?? "",
                Payload = Any.Pack(payload),
            };
            work.Append(SipStore.EventsChannel, envelope.ToByteArray());
        }
    }
}
