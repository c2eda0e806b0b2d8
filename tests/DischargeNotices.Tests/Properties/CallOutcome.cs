using System.Text;
using Grpc.Core;

namespace Samverkan.DischargeNotices.Tests.Properties;

// How one call ended, as an integrator sees it: OK, a status with its message and google.rpc
// details, or something that is not a gRPC answer at all (an exception of the client).
public sealed record CallOutcome(StatusCode Code, string Message, IReadOnlyList<string> Details, string? NotAStatus)
{
    // The codes that tell an integrator precisely what to do (the standards' list).
    public static readonly IReadOnlySet<StatusCode> PreciseRefusals = new HashSet<StatusCode>
    {
        StatusCode.InvalidArgument, StatusCode.FailedPrecondition, StatusCode.PermissionDenied,
        StatusCode.NotFound, StatusCode.AlreadyExists, StatusCode.ResourceExhausted, StatusCode.Unauthenticated,
    };

    public bool IsOk => NotAStatus is null && Code == StatusCode.OK;

    public static async Task<CallOutcome> OfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return new CallOutcome(StatusCode.OK, "", [], null);
        }
        catch (RpcException refused)
        {
            var status = refused.GetRpcStatus();
            // A detail's raw bytes hold every string field it carries (field names, descriptions, subjects).
            var details = status?.Details.Select(d => d.TypeUrl + " " + Encoding.UTF8.GetString(d.Value.Span)).ToList() ?? [];
            return new CallOutcome(refused.StatusCode, refused.Status.Detail ?? "", details, null);
        }
        catch (Exception other)
        {
            return new CallOutcome(StatusCode.Unknown, "", [], other.GetType().Name + ": " + other.Message);
        }
    }

    // Why this outcome breaks the standards, or null when it does not: OK or a precise code with a
    // message, and neither the message nor the details repeat personal data the caller sent.
    public string? Violation(IEnumerable<string> personalData)
    {
        if (NotAStatus is not null) return "the call did not end in a gRPC status: " + NotAStatus;
        if (Code == StatusCode.OK) return null;
        if (!PreciseRefusals.Contains(Code)) return $"imprecise status {Code}: {Message}";
        if (string.IsNullOrWhiteSpace(Message)) return $"{Code} without a message";
        foreach (var value in personalData.Where(v => v.Trim().Length >= 6))
        {
            if (Message.Contains(value.Trim(), StringComparison.Ordinal)) return $"{Code} message echoes personal data: {Message}";
            if (Details.Any(d => d.Contains(value.Trim(), StringComparison.Ordinal))) return $"{Code} details echo personal data";
        }
        return null;
    }

    public override string ToString() => NotAStatus ?? (IsOk ? "OK" : $"{Code}: {Message}");
}
