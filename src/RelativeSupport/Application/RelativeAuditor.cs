using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.RelativeSupport.Domain.Referrals;
using Samverkan.RelativeSupport.Domain.Relatives;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.Store;

namespace Samverkan.RelativeSupport.Application;

// Access records for relatives' personal data. A relative known by personnummer gets the
// platform-wide person reference; one known only by name gets a reference of their record id, so
// every access is still logged and can be reviewed per relative. Protected identity (the relative's
// or the cared-for person's) is flagged on the record, so the access log's review finds it.
public sealed class RelativeAuditor(AccessRecorder recorder)
{
    public AccessRecord Record(CallerIdentity caller, AccessAction action, Relative relative, string purpose) =>
        Record(caller, action, relative.Details, relative.IsProtected, relative.Id, purpose);

    public AccessRecord Record(CallerIdentity caller, AccessAction action, Referral referral, string purpose) =>
        Record(caller, action, referral.Relative!, referral.Relative!.ProtectedIdentity, referral.Id, purpose);

    public void RecordIn(UnitOfWork work, CallerIdentity caller, AccessAction action, Relative relative, string purpose) =>
        AccessRecorder.RecordIn(work, Record(caller, action, relative, purpose));

    public void RecordIn(UnitOfWork work, CallerIdentity caller, AccessAction action, Referral referral, string purpose) =>
        AccessRecorder.RecordIn(work, Record(caller, action, referral, purpose));

    public Task RecordReadsAsync(IReadOnlyCollection<AccessRecord> records, CancellationToken ct) => recorder.RecordReadsAsync(records, ct);

    private AccessRecord Record(CallerIdentity caller, AccessAction action, RelativeDetails details, bool protectedIdentity, string resource, string purpose) =>
        details.PersonalIdentityNumber is { } number
            ? recorder.Create(caller, action, number, protectedIdentity, purpose, resource)
            : recorder.CreateForPersonReference(caller, action, "relative-record:" + resource, protectedIdentity, purpose, resource);
}
