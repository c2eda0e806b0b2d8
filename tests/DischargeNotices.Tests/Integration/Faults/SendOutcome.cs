using Grpc.Core;
using Samverkan.Contracts.Discharge.V1;

namespace Samverkan.DischargeNotices.Tests.Integration.Faults;

// One SendAdmissionNotice call as a sender saw it: the request (kept, so it can be retried with the
// same request_id and content), the status it ended with, and when it started and ended.
public sealed record SendOutcome(
    SendAdmissionNoticeRequest Request,
    StatusCode Code,
    string Message,
    string? CaseId,
    DateTimeOffset Started,
    DateTimeOffset Ended)
{
    public bool Acknowledged => Code == StatusCode.OK;

    public override string ToString() =>
        $"{Request.RequestId}: {Code} \"{Message}\" ({Started:HH:mm:ss.fff}–{Ended:HH:mm:ss.fff})";
}
