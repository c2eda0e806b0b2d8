using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Samverkan.ServiceCore.Feeds;
using Samverkan.SharedKernel.Rules;
using Status = Google.Rpc.Status;

namespace Samverkan.ServiceCore.Errors;

// Turns refusals into gRPC statuses with google.rpc details an integrator's code can act on
// (BadRequest names the field, PreconditionFailure what is missing, ErrorInfo a machine reason).
// The one place a status is built; services throw RuleViolation and never RpcException.
public static class RpcErrors
{
    // ErrorInfo.domain when the service is not known; services answer "{keyspace}.samverkan.se"
    // (e.g. discharge.samverkan.se), see RuleViolationInterceptor.
    public const string Domain = "samverkan.se";

    // The message goes out twice, in grpc-message and inside grpc-status-details-bin, both HTTP/2
    // trailers; proxies and clients refuse header blocks past a limit (64 KiB in .NET's HttpClient,
    // which YARP uses: a 20,000-character echo in both came to about 73 KB), and the caller would
    // then see Unavailable instead of this answer. Messages quote caller input through EchoedInput,
    // so this cap is only the last wall.
    public const int MaxMessageLength = 1024;

    // Null: not a refusal (ServiceDefaults' UnhandledExceptionInterceptor answers it as Internal).
    public static RpcException? Translate(Exception exception, string errorDomain = Domain) => exception switch
    {
        RuleViolation violation => FromViolation(violation),
        FeedPositionTrimmedException trimmed => Build(Code.FailedPrecondition, trimmed.Message, new ErrorInfo
        {
            Reason = "FEED_POSITION_TRIMMED",
            Domain = errorDomain,
            Metadata =
            {
                ["oldest_available"] = trimmed.OldestAvailable.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resume_after_position"] = trimmed.ResumeAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        }),
        Samverkan.Store.StoreContentionException => Build(Code.Aborted,
            "The change lost repeated races with concurrent writers; nothing was written. Retry with the same request_id.", null),
        _ => null,
    };

    public static RpcException FromViolation(RuleViolation violation) => violation.Kind switch
    {
        ViolationKind.InvalidArgument => Build(Code.InvalidArgument, violation.Message, new BadRequest
        {
            FieldViolations = { new BadRequest.Types.FieldViolation { Field = violation.Field ?? "", Description = Bounded(violation.Message) } },
        }),
        ViolationKind.MissingConsent or ViolationKind.FailedPrecondition => Build(Code.FailedPrecondition, violation.Message,
            Precondition(violation.Precondition ?? new PreconditionSubject("STATE", "state"), violation.Message)),
        ViolationKind.AlreadyExists => Build(Code.AlreadyExists, violation.Message, null),
        ViolationKind.NotFound => Build(Code.NotFound, violation.Message, null),
        ViolationKind.PermissionDenied => Build(Code.PermissionDenied, violation.Message, null),
        ViolationKind.Unavailable => Build(Code.Unavailable, violation.Message, null),
        ViolationKind.ResourceExhausted => Build(Code.ResourceExhausted, violation.Message, null),
        _ => throw new ArgumentOutOfRangeException(nameof(violation), violation.Kind, "A ViolationKind without a status; add it here."),
    };

    private static PreconditionFailure Precondition(PreconditionSubject subject, string message) => new()
    {
        Violations =
        {
            new PreconditionFailure.Types.Violation
            {
                Type = subject.Type,
                Subject = subject.Subject,
                Description = Bounded(subject.Description ?? message),
            },
        },
    };

    private static string Bounded(string message) =>
        message.Length <= MaxMessageLength ? message : message[..(MaxMessageLength - 1)] + "…";

    private static RpcException Build(Code code, string message, Google.Protobuf.IMessage? detail)
    {
        var status = new Status { Code = (int)code, Message = Bounded(message) };
        if (detail is not null) status.Details.Add(Any.Pack(detail));
        return status.ToRpcException();
    }
}
