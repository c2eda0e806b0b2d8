using Samverkan.Contracts.Discharge.V1;

namespace Samverkan.Portal.Gateway;

// Discharge calls more than one page makes.
public static class DischargeCalls
{
    // Acknowledging twice is a no-op in the service, so a fresh request id per click is safe.
    public static Task<CaseEventAccepted> AcknowledgeAsync(this GatewayCalls calls, string caseId, int noticeSequence) =>
        calls.CallAsync(o => calls.Discharge.AcknowledgeNoticeAsync(new AcknowledgeNoticeRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            CaseId = caseId,
            NoticeSequence = noticeSequence,
        }, o));
}
