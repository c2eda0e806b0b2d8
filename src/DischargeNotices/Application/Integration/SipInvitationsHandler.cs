using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Contracts.Events.V1;
using Samverkan.DischargeNotices.Application.Auditing;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.Store;
using Samverkan.Store.Consumers;

namespace Samverkan.DischargeNotices.Application.Integration;

// Consumes the SIP plans service's "events" channel: SipInvitationSent is the SIP invitation of a
// plan opened from a discharge case, recorded once, in the SIP plans service. It is recorded on the
// case here (which meets the 3-day SIP deadline), in the same commit as the consumer position, so
// a crash of either service never loses or doubles it; a second delivery finds it recorded.
public sealed class SipInvitationsHandler(
    IDocumentStore store,
    CaseRepository repository,
    CaseIndexer indexer,
    DeadlineEvaluator evaluator,
    CaseAuditor auditor,
    TimeProvider time) : IChannelHandler
{
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public async Task HandleAsync(ChannelBatch batch, CancellationToken cancellationToken)
    {
        var work = new UnitOfWork();
        foreach (var entry in batch.Entries)
        {
            var envelope = IntegrationEventEnvelope.Parser.ParseFrom(entry.Payload.Span);
            if (envelope.Payload.TryUnpack<SipInvitationSent>(out var sent)) await RecordAsync(work, sent, cancellationToken);
        }
        batch.AdvanceWithin(work);
        if (await store.CommitAsync(work, cancellationToken) is not Committed and var result)
        {
            throw new InvalidOperationException($"SIP invitation batch not committed ({result.GetType().Name}); it is delivered again.");
        }
    }

    private async Task RecordAsync(UnitOfWork work, SipInvitationSent sent, CancellationToken cancellationToken)
    {
        if (await repository.LoadAsync(sent.DischargeCaseId, cancellationToken) is not { } loaded) return;
        var @case = loaded.Case;
        var invitedAt = sent.InvitedAt.ToDateTimeOffset();
        if (@case.Events.OfType<SipInvitationRecorded>().Any(i => i.SipPlanId == sent.SipPlanId && i.OccurredAt == invitedAt)) return;
        // The case's fixed care contact unit answers for the deadline (the SIP's inviting unit may be another).
        var outpatient = @case.OutpatientRecipients.FirstOrDefault();
        if (outpatient is null) return;

        var now = time.GetUtcNow();
        var before = indexer.MembershipOf(@case, now);
        var actor = new Actor(outpatient.OrganisationCode, outpatient.UnitId, System: true);
        @case.RecordSipInvitation(outpatient.UnitId, invitedAt, sent.SipPlanId, new EventContext(actor, now, FutureTolerance), consentCheckedInSipPlans: true);
        @case.RecordNewBreaches(evaluator, now);
        CaseRepository.StagePut(work, @case, loaded.Version);
        indexer.MembershipOf(@case, now).StageChangesFrom(before, work);
        AccessRecorder.RecordIn(work, auditor.Record(SipPlansCaller, AccessAction.Change, @case));
    }

    private static readonly CallerIdentity SipPlansCaller = new(
        Subject: "system:discharge-notices:sip-invitations", Username: "sip-invitations", ClientId: "discharge-notices", IsServiceAccount: true,
        OrganisationAlias: "samverkan-platform", OrganisationCode: "", OrganisationKind: OrganisationKind.Region, UnitId: null, Roles: new HashSet<string>());
}
