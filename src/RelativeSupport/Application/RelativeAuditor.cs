using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.RelativeSupport.Domain.Relatives;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.Store;

namespace Samverkan.RelativeSupport.Application;

// Access records for relatives' personal data. A relative known by personnummer gets the
// platform-wide person reference; one known only by name gets a reference of their record id, so
// every access is still logged and can be reviewed per relative.
public sealed class RelativeAuditor(AccessRecorder recorder)
{
    public AccessRecord Record(CallerIdentity caller, AccessAction action, RelativeDetails details, string resource, string purpose) =>
        details.PersonalIdentityNumber is { } number
            ? recorder.Create(caller, action, number, protectedIdentity: false, purpose, resource)
            : recorder.CreateForPersonReference(caller, action, "relative-record:" + resource, protectedIdentity: false, purpose, resource);

    public void RecordIn(UnitOfWork work, CallerIdentity caller, AccessAction action, RelativeDetails details, string resource, string purpose) =>
        AccessRecorder.RecordIn(work, Record(caller, action, details, resource, purpose));

    public Task RecordReadsAsync(IReadOnlyCollection<AccessRecord> records, CancellationToken ct) => recorder.RecordReadsAsync(records, ct);
}
