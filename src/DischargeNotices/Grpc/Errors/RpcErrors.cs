using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Samverkan.DischargeNotices.Application.Queries;
using Status = Google.Rpc.Status;

namespace Samverkan.DischargeNotices.Grpc.Errors;

// Turns the service's refusals into gRPC statuses with google.rpc details an integrator's code can
// act on (BadRequest names the field, PreconditionFailure names the missing consent scope).
public static class RpcErrors
{
    public const string Domain = "discharge.samverkan.se";

    public static RpcException? Translate(Exception exception) => exception switch
    {
        CaseRuleViolation violation => FromViolation(violation),
        FeedPositionTrimmedException trimmed => Build(Code.FailedPrecondition, trimmed.Message, new ErrorInfo
        {
            Reason = "FEED_POSITION_TRIMMED",
            Domain = Domain,
            Metadata =
            {
                ["oldest_available"] = trimmed.OldestAvailable.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resume_after_position"] = trimmed.ResumeAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        }),
        MissingDailyAmountException missing => Build(Code.FailedPrecondition, missing.Message, new PreconditionFailure
        {
            Violations =
            {
                new PreconditionFailure.Types.Violation
                {
                    Type = "CONFIGURATION",
                    Subject = $"PaymentResponsibility:DailyAmountsSek:{missing.Year}",
                    Description = "The amount per care day for this year is not configured.",
                },
            },
        }),
        Samverkan.Store.StoreContentionException => Build(Code.Aborted,
            "The change lost repeated races with concurrent writers; nothing was written. Retry with the same request_id.", null),
        _ => null,
    };

    private static RpcException FromViolation(CaseRuleViolation violation) => violation.Kind switch
    {
        ViolationKind.InvalidArgument => Build(Code.InvalidArgument, violation.Message, new BadRequest
        {
            FieldViolations = { new BadRequest.Types.FieldViolation { Field = violation.Field ?? "", Description = Bounded(violation.Message) } },
        }),
        ViolationKind.MissingConsent => Build(Code.FailedPrecondition, violation.Message, new PreconditionFailure
        {
            Violations =
            {
                new PreconditionFailure.Types.Violation
                {
                    Type = "CONSENT",
                    Subject = ConsentNames.ContractName(violation.MissingConsent!.Value),
                    Description = Bounded(violation.Message),
                },
            },
        }),
        ViolationKind.FailedPrecondition => Build(Code.FailedPrecondition, violation.Message, new PreconditionFailure
        {
            Violations = { new PreconditionFailure.Types.Violation { Type = "CASE_STATE", Subject = "case", Description = Bounded(violation.Message) } },
        }),
        ViolationKind.AlreadyExists => Build(Code.AlreadyExists, violation.Message, null),
        ViolationKind.NotFound => Build(Code.NotFound, violation.Message, null),
        _ => Build(Code.PermissionDenied, violation.Message, null),
    };

    // The message goes out twice, in grpc-message and inside grpc-status-details-bin, both HTTP/2
    // trailers; proxies and clients refuse header blocks past a limit (64 KiB in .NET's HttpClient,
    // which YARP uses: a 20,000-character echo in both came to about 73 KB), and
    // the caller would then see Unavailable instead of this answer. Messages quote caller input
    // through EchoedInput, so this cap is only the last wall.
    public const int MaxMessageLength = 1024;

    private static string Bounded(string message) =>
        message.Length <= MaxMessageLength ? message : message[..(MaxMessageLength - 1)] + "…";

    private static RpcException Build(Code code, string message, Google.Protobuf.IMessage? detail)
    {
        var status = new Status { Code = (int)code, Message = Bounded(message) };
        if (detail is not null) status.Details.Add(Any.Pack(detail));
        return status.ToRpcException();
    }
}
