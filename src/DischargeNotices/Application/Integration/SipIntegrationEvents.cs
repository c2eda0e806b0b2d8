using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Events.V1;
using Samverkan.DischargeNotices.Application.Persistence;
using Samverkan.Store;

namespace Samverkan.DischargeNotices.Application.Integration;

// Tells the SIP plans service, through the "events" channel in the same commit as the step, when a
// readiness notice starts the 3-day SIP invitation deadline (region and municipality both needed)
// and when a withdrawal cancels it. Delivery is at least once; consumers dedupe on event_id.
public sealed class SipIntegrationEvents(DeadlineEvaluator evaluator)
{
    public const string Source = "discharge-notices";

    public void Stage(UnitOfWork work, DischargeCase @case, IEnumerable<CaseEvent> newEvents, DateTimeOffset now)
    {
        if (!@case.NeedsRegionAndMunicipality) return;
        var sipDeadlines = evaluator.Evaluate(@case, now).Where(d => d.Kind == DeadlineKind.SipInvitation).ToList();

        foreach (var @event in newEvents)
        {
            switch (@event)
            {
                case ReadinessNotified readiness:
                    var started = sipDeadlines.Single(d => d.StartedBySequence == readiness.Sequence);
                    Append(work, Started(@case, readiness, started, now), readiness.RecordedAt);
                    break;
                case ReadinessWithdrawn withdrawal:
                    var withdrawn = @case.Events.OfType<ReadinessNotified>().LastOrDefault(r => r.Sequence < withdrawal.Sequence);
                    var deadline = sipDeadlines.SingleOrDefault(d => d.StartedBySequence == withdrawn?.Sequence);
                    if (withdrawn is not null && deadline?.State == DeadlineState.Cancelled)
                    {
                        Append(work, new SipInvitationDeadlineCancelled
                        {
                            DischargeCaseId = @case.Id,
                            ReadinessEventSequence = withdrawn.Sequence,
                            WithdrawnAt = Timestamp.FromDateTimeOffset(withdrawal.OccurredAt),
                        }, withdrawal.RecordedAt);
                    }
                    break;
            }
        }
    }

    private static SipInvitationDeadlineStarted Started(DischargeCase @case, ReadinessNotified readiness, DeadlineStatus deadline, DateTimeOffset now)
    {
        var message = new SipInvitationDeadlineStarted
        {
            DischargeCaseId = @case.Id,
            ReadinessEventSequence = readiness.Sequence,
            PersonalIdentityNumber = new PersonalIdentityNumber { Value = @case.Patient.PersonalIdentityNumber.Value },
            ProtectedIdentity = @case.Patient.ProtectedIdentity,
            ResidenceMunicipality = new OrganisationRef { Code = @case.ResidenceMunicipality },
            OutpatientUnit = new UnitRef { Id = deadline.ResponsibleUnit ?? "" },
            ReadinessNotifiedAt = Timestamp.FromDateTimeOffset(readiness.RecordedAt),
            InvitationDueAt = Timestamp.FromDateTimeOffset(deadline.DueAt!.Value),
            SipConsentRecorded = @case.HasConsent(ConsentScope.Sip, now),
        };
        message.MunicipalUnits.AddRange(@case.Recipients
            .Where(r => r.Kind is RecipientKind.SocialServices or RecipientKind.MunicipalHealthCare)
            .Select(r => new UnitRef { Id = r.UnitId }));
        return message;
    }

    private static void Append(UnitOfWork work, IMessage payload, DateTimeOffset occurredAt)
    {
        var envelope = new IntegrationEventEnvelope
        {
            EventId = Guid.NewGuid().ToString(),
            OccurredAt = Timestamp.FromDateTimeOffset(occurredAt),
            Source = Source,
            TraceParent = Activity.Current?.Id ?? "",
            Payload = Any.Pack(payload),
        };
        work.Append(DischargeStore.EventsChannel, envelope.ToByteArray());
    }
}
