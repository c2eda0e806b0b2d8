using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Samverkan.Contracts.Audit.V1;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.Store;

namespace Samverkan.AccessLogging;

// Builds access records for the calling service and gets them into the store:
// - for changes, add them to the change's own UnitOfWork (RecordIn) so both commit or neither;
// - for reads, RecordReadsAsync commits them before the data is returned; if that fails the read
//   fails too (no access without a trace).
public sealed class AccessRecorder(IDocumentStore store, PersonReferences personReferences, TimeProvider time, IOptions<AccessLoggingOptions> options)
{
    public AccessRecord Create(
        CallerIdentity caller,
        AccessAction action,
        string personalIdentityNumber,
        bool protectedIdentity,
        string purpose,
        string resource) =>
        CreateForPersonReference(caller, action, personReferences.For(personalIdentityNumber), protectedIdentity, purpose, resource);

    // For services that hold only the pseudonymous reference (the access log itself, when an
    // auditor reads entries about a person). Set record.ResourceOrganisationCode/ResourceUnitId on
    // the result when the owner of the resource is known (review flags "outside own unit").
    public AccessRecord CreateForPersonReference(
        CallerIdentity caller,
        AccessAction action,
        string personRef,
        bool protectedIdentity,
        string purpose,
        string resource)
    {
        var record = new AccessRecord
        {
            RecordId = Guid.NewGuid().ToString(),
            OccurredAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
            Action = action,
            Service = options.Value.ServiceName,
            UserSubject = caller.Subject,
            Username = caller.Username ?? "",
            ClientId = caller.ClientId ?? "",
            UnitId = caller.UnitId ?? "",
            OrganisationCode = caller.OrganisationCode,
            PersonRef = personRef,
            ProtectedIdentity = protectedIdentity,
            Purpose = purpose,
            Resource = resource,
            TraceId = Activity.Current?.TraceId.ToString() ?? "",
            SpanId = Activity.Current?.SpanId.ToString() ?? "",
        };
        record.Roles.AddRange(caller.Roles.Order(StringComparer.Ordinal));
        return record;
    }

    public static UnitOfWork RecordIn(UnitOfWork work, AccessRecord record) =>
#if BENCHMARK_WITHOUT_ACCESS_RECORDS
        work;
#else
        work.Append(AccessLogChannel.Name, record.ToByteArray());
#endif

    public async Task RecordReadsAsync(IReadOnlyCollection<AccessRecord> records, CancellationToken cancellationToken)
    {
#if BENCHMARK_WITHOUT_ACCESS_RECORDS
        records = [];
#endif
        if (records.Count == 0) return;
        var work = new UnitOfWork();
        foreach (var record in records) RecordIn(work, record);
        var result = await store.CommitAsync(work, cancellationToken);
        if (result is not Committed)
        {
            // Appends carry no preconditions, so anything but success is a store fault.
            throw new InvalidOperationException($"The access log could not be written ({result.GetType().Name}).");
        }
    }
}
