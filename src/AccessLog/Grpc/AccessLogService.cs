using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Samverkan.AccessLog.Chain;
using Samverkan.AccessLog.Extract;
using Samverkan.AccessLog.Review;
using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Rules;
using Samverkan.SharedKernel.Text;
using Samverkan.Store;
using static Samverkan.AccessLog.Grpc.RequestValidation;
using Contract = Samverkan.Contracts.Audit.V1.AccessLog;

namespace Samverkan.AccessLog.Grpc;

// Review of the access log for auditors of each organisation, the person's log extract and chain
// verification. Every answer that shows entries about a person is itself access-logged, and that
// record is committed before the answer leaves (no record, no data).
public sealed class AccessLogService(
    AccessLogReader reader,
    ReviewStore reviews,
    ChainStore chain,
    ChainVerification verification,
    AuditorAccessRecorder auditTrail,
    PersonReferences personReferences,
    Samverkan.SharedKernel.Directory.UnitDirectory directory,
    PersonLogExtractWriter extractWriter,
    IDocumentStore store,
    AccessLogMetrics metrics,
    TimeProvider time) : Contract.AccessLogBase
{
    private const int MaxSamplePopulation = 1_000_000;
    private const int MaxExtractEntries = 20_000;

    public override async Task<QueryAccessesResponse> QueryAccesses(QueryAccessesRequest request, ServerCallContext context)
    {
        var auditor = RequireAuditor(context);
        var organisation = auditor.OrganisationCode;
        var window = Window(request.TimeRange, time.GetUtcNow());
        var (pageSize, token) = Paging(request.Page);

        string? personRef = null;
        var index = request.SubjectCase switch
        {
            QueryAccessesRequest.SubjectOneofCase.UserSubject => AccessIndexes.User(organisation, UserSubject(request.UserSubject)),
            QueryAccessesRequest.SubjectOneofCase.Person => AccessIndexes.Person(organisation,
                personRef = personReferences.For(PersonalIdentityNumber(request.Person, "person"))),
            QueryAccessesRequest.SubjectOneofCase.Unit => AccessIndexes.Unit(organisation, OwnUnit(auditor, request.Unit?.Id)),
            _ => AccessIndexes.Organisation(organisation),
        };

        var page = await reader.PageAsync(index, window, pageSize, token, context.CancellationToken);
        var visible = Visible(auditor, page.Entries);
        await auditTrail.RecordReadsAsync(auditor, visible, personRef, context.CancellationToken);

        var response = new QueryAccessesResponse { NextPageToken = page.Next?.Encode() ?? "" };
        response.Entries.AddRange(visible.Select(ToEntry));
        return response;
    }

    public override async Task<SampleAccessesResponse> SampleAccesses(SampleAccessesRequest request, ServerCallContext context)
    {
        var auditor = RequireAuditor(context);
        var window = Window(request.TimeRange, time.GetUtcNow(), bothEndsRequired: true);
        var size = SampleSize(request.SampleSize);
        var index = string.IsNullOrEmpty(request.Unit?.Id)
            ? AccessIndexes.Organisation(auditor.OrganisationCode)
            : AccessIndexes.Unit(auditor.OrganisationCode, OwnUnit(auditor, request.Unit.Id));

        var (head, _) = await chain.GetHeadAsync(context.CancellationToken);
        if (request.AsOfSequence < 0 || request.AsOfSequence > head.Sequence)
        {
            throw Invalid("as_of_sequence", $"as_of_sequence must be between 0 (the current head) and the head {head.Sequence}.");
        }
        var asOf = request.AsOfSequence == 0 ? head.Sequence : request.AsOfSequence;

        IReadOnlyList<long> candidates;
        try
        {
            candidates = await reader.SequencesAsync(index, window, MaxSamplePopulation, context.CancellationToken);
        }
        catch (ResultTooLargeException ex)
        {
            throw Invalid("time_range", ex.Message);
        }
        var population = candidates.Where(s => s <= asOf).ToList();
        var sample = SampleSelector.Select(population, request.Seed, size);
        var visible = Visible(auditor, await reader.GetAsync(sample, context.CancellationToken));
        await auditTrail.RecordReadsAsync(auditor, visible, null, context.CancellationToken);

        var response = new SampleAccessesResponse { AsOfSequence = asOf, Population = population.Count };
        response.Entries.AddRange(visible.Select(ToEntry));
        return response;
    }

    public override async Task<ReportFlaggedAccessesResponse> ReportFlaggedAccesses(ReportFlaggedAccessesRequest request, ServerCallContext context)
    {
        var auditor = RequireAuditor(context);
        var index = AccessIndexes.Flagged(Flag(request.Flag), auditor.OrganisationCode);
        var window = Window(request.TimeRange, time.GetUtcNow());
        var (pageSize, token) = Paging(request.Page);

        var page = await reader.PageAsync(index, window, pageSize, token, context.CancellationToken);
        var visible = Visible(auditor, page.Entries);
        await auditTrail.RecordReadsAsync(auditor, visible, null, context.CancellationToken);

        var response = new ReportFlaggedAccessesResponse { NextPageToken = page.Next?.Encode() ?? "" };
        response.Entries.AddRange(visible.Select(ToEntry));
        return response;
    }

    public override async Task<AccessEntry> GetAccess(GetAccessRequest request, ServerCallContext context)
    {
        var auditor = RequireAuditor(context);
        var access = await VisibleEntryAsync(auditor, Sequence(request.Sequence), context.CancellationToken);
        var entryReviews = await reviews.ForEntryAsync(access.Sequence, context.CancellationToken);
        await auditTrail.RecordReadsAsync(auditor, [access], null, context.CancellationToken);

        var entry = ToEntry(access);
        entry.Reviews.AddRange(entryReviews);
        return entry;
    }

    public override async Task<RecordReviewResponse> RecordReview(RecordReviewRequest request, ServerCallContext context)
    {
        var auditor = RequireAuditor(context);
        var reviewId = ReviewId(request.ReviewId);
        var sequence = Sequence(request.Sequence);
        var outcome = Outcome(request.Outcome);
        var reason = Reason(request.Reason);
        var access = await VisibleEntryAsync(auditor, sequence, context.CancellationToken);

        var review = new AccessReview
        {
            ReviewId = reviewId,
            Sequence = sequence,
            Outcome = outcome,
            Reason = reason,
            ReviewedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
            ReviewerSubject = auditor.Subject,
            ReviewerUsername = auditor.Username ?? "",
            OrganisationCode = auditor.OrganisationCode,
        };
        var work = new UnitOfWork();
        ReviewStore.Add(work, review);
        auditTrail.RecordReviewIn(work, auditor, access, reviewId);

        var result = await store.CommitAsync(work, context.CancellationToken);
        if (result is Committed)
        {
            metrics.Reviewed(auditor.OrganisationCode, outcome);
            return new RecordReviewResponse { Review = review };
        }

        // The review id exists: a retry gets the first answer, anything else is a clash.
        var existing = await reviews.GetAsync(reviewId, context.CancellationToken);
        if (existing is not null && existing.Sequence == sequence && existing.Outcome == outcome && existing.Reason == reason
            && existing.ReviewerSubject == auditor.Subject)
        {
            return new RecordReviewResponse { Review = existing };
        }
        throw RuleViolation.Duplicate("review_id was already used for another review; generate a new UUID for a new review.");
    }

    public override async Task<PersonLogExtract> GetPersonLogExtract(GetPersonLogExtractRequest request, ServerCallContext context)
    {
        var auditor = RequireAuditor(context);
        var personRef = personReferences.For(PersonalIdentityNumber(request.Person, "person"));
        var now = time.GetUtcNow();
        var window = Window(request.TimeRange, now);

        // Secrecy between principals: each organisation answers for its own units (see docs/access-log.md).
        var organisations = new[] { auditor.OrganisationCode };
        IReadOnlyList<long> sequences;
        try
        {
            sequences = await reader.SequencesAsync(AccessIndexes.Person(auditor.OrganisationCode, personRef), window, MaxExtractEntries,
                context.CancellationToken);
        }
        catch (ResultTooLargeException ex)
        {
            throw Invalid("time_range", ex.Message);
        }
        var visible = Visible(auditor, await reader.GetAsync(sequences, context.CancellationToken));
        await auditTrail.RecordExtractAsync(auditor, personRef, visible.Any(a => a.Record!.ProtectedIdentity), context.CancellationToken);

        var from = Time(request.TimeRange?.From, "time_range.from");
        var to = Time(request.TimeRange?.To, "time_range.to") ?? now;
        return extractWriter.Write(visible.Select(a => a.Record!), organisations, from, to, now);
    }

    public override async Task<VerifyChainResponse> VerifyChain(VerifyChainRequest request, ServerCallContext context)
    {
        context.RequireRole([.. PlatformRoles.AccessLogCallers]);
        if (request.FromSequence < 0 || request.ToSequence < 0) throw Invalid("from_sequence", "from_sequence and to_sequence must be 0 or more.");
        var checkpoints = Checkpoints(request.Checkpoints);
        try
        {
            return await verification.VerifyAsync(request.FromSequence, request.ToSequence, checkpoints, context.CancellationToken);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw Invalid("to_sequence", ex.Message.Split(" (Parameter")[0]);
        }
    }

    public override async Task<ChainCheckpoint> GetChainHead(GetChainHeadRequest request, ServerCallContext context)
    {
        context.RequireRole([.. PlatformRoles.AccessLogCallers]);
        var (head, _) = await chain.GetHeadAsync(context.CancellationToken);
        return new ChainCheckpoint { Sequence = head.Sequence, Hash = head.HashHex };
    }

    private static CallerIdentity RequireAuditor(ServerCallContext context)
    {
        var auditor = context.RequireRole([.. PlatformRoles.AccessLogCallers]);
        if (!AccessIndexes.IsKeySafe(auditor.OrganisationCode))
        {
            throw RuleViolation.Denied("The token's organisation has no valid code.");
        }
        return auditor;
    }

    private string OwnUnit(CallerIdentity auditor, string? unitId)
    {
        if (string.IsNullOrEmpty(unitId)) throw Invalid("unit.id", "unit.id is required.");
        return AuditorScope.CheckUnit(auditor, unitId, directory) switch
        {
            UnitCheck.OwnOrganisation => unitId,
            UnitCheck.OtherOrganisation => throw RuleViolation.Denied(
                $"Unit {unitId} belongs to another organisation; auditors review their own organisation's accesses."),
            _ => throw Invalid("unit.id", $"Unit {EchoedInput.Quote(unitId)} is not in the unit directory (deploy/directory/units.json)."),
        };
    }

    private async Task<ChainedAccess> VisibleEntryAsync(CallerIdentity auditor, long sequence, CancellationToken cancellationToken)
    {
        var found = await reader.GetAsync([sequence], cancellationToken);
        // Another organisation's entry is reported as absent: its existence is not the auditor's to know.
        if (found.Count == 0 || found[0].Record is not { } record || !AuditorScope.MaySee(auditor, record))
        {
            throw RuleViolation.NotFound($"No entry {sequence} among your organisation's accesses.");
        }
        return found[0];
    }

    private static List<ChainedAccess> Visible(CallerIdentity auditor, IEnumerable<ChainedAccess> entries) =>
        entries.Where(e => e.Record is not null && AuditorScope.MaySee(auditor, e.Record)).ToList();

    private static AccessEntry ToEntry(ChainedAccess access)
    {
        var entry = new AccessEntry { Sequence = access.Sequence, Record = access.Record };
        entry.Flags.AddRange(AccessFlags.Of(access.Record!));
        return entry;
    }
}
