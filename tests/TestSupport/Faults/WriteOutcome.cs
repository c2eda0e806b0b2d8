using Grpc.Core;

namespace Samverkan.TestSupport.Faults;

// One write as its caller saw it: the request (kept, so it can be retried with the same request id
// and content), the status it ended with, the id the service answered (case, plan, relative,
// assignment), and when it started and ended.
public sealed record WriteOutcome<TRequest>(
    TRequest Request,
    StatusCode Code,
    string Message,
    string? Id,
    DateTimeOffset Started,
    DateTimeOffset Ended)
{
    public bool Acknowledged => Code == StatusCode.OK;

    public override string ToString() =>
        $"{Code} \"{Message}\" ({Started:HH:mm:ss.fff}–{Ended:HH:mm:ss.fff})";
}
