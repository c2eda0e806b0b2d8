using Samverkan.SharedKernel.Rules;
using Samverkan.AccessLog.Chain;
using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.Store;

namespace Samverkan.AccessLog.Review;

// Auditors reading the log read about persons: that is an access like any other. One record per
// entry shown (the entry names the person), written to the access log's own "audit" channel and
// collected into the chain like every service's records.
public sealed class AuditorAccessRecorder(AccessRecorder recorder)
{
    // Purposes, from a fixed vocabulary.
    public const string ReviewPurpose = "access-log-review";
    public const string ExtractPurpose = "person-log-extract";

    public async Task RecordReadsAsync(CallerIdentity auditor, IReadOnlyList<ChainedAccess> shown, string? queriedPersonRef, CancellationToken cancellationToken)
    {
        var records = shown
            .Where(a => a.Record is { PersonRef.Length: > 0 })
            .Select(a => recorder.CreateForPersonReference(auditor, AccessAction.Read, a.Record!.PersonRef, a.Record.ProtectedIdentity,
                ReviewPurpose, $"access-log-entry/{a.Sequence}"))
            .ToList();
        if (queriedPersonRef is not null && records.Count == 0)
        {
            // Learning that nobody accessed a person is also learning about the person.
            records.Add(recorder.CreateForPersonReference(auditor, AccessAction.Read, queriedPersonRef, false, ReviewPurpose, "access-log-query/person"));
        }
        await CommitAsync(records, cancellationToken);
    }

    public Task RecordExtractAsync(CallerIdentity auditor, string personRef, bool protectedIdentity, CancellationToken cancellationToken) =>
        CommitAsync([recorder.CreateForPersonReference(auditor, AccessAction.Export, personRef, protectedIdentity, ExtractPurpose, "person-log-extract")],
            cancellationToken);

    // A review is recorded in the same commit as the review itself.
    public void RecordReviewIn(UnitOfWork work, CallerIdentity auditor, ChainedAccess reviewed, string reviewId)
    {
        var record = reviewed.Record!;
        AccessRecorder.RecordIn(work, recorder.CreateForPersonReference(auditor, AccessAction.Create, record.PersonRef, record.ProtectedIdentity,
            ReviewPurpose, $"access-review/{reviewId}"));
    }

    private async Task CommitAsync(IReadOnlyCollection<AccessRecord> records, CancellationToken cancellationToken)
    {
        try
        {
            await recorder.RecordReadsAsync(records, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw RuleViolation.Unavailable("The access log could not record this read, so no data was returned; retry later.");
        }
    }
}
