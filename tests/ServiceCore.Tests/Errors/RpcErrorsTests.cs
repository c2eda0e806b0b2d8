using Google.Rpc;
using Grpc.Core;
using Samverkan.ServiceCore.Errors;
using Samverkan.ServiceCore.Feeds;
using Samverkan.SharedKernel.Rules;

namespace Samverkan.ServiceCore.Tests.Errors;

public sealed class RpcErrorsTests
{
    [Fact]
    public void Every_violation_kind_has_a_status()
    {
        foreach (var kind in Enum.GetValues<ViolationKind>())
        {
            var status = RpcErrors.FromViolation(Violation(kind)).StatusCode;
            Assert.NotEqual(StatusCode.Unknown, status);
        }
    }

    [Fact]
    public void An_invalid_argument_names_the_field_in_a_bad_request_detail()
    {
        var status = RpcErrors.FromViolation(RuleViolation.Invalid("page.page_size", "page_size must not be negative.")).GetRpcStatus()!;

        Assert.Equal((int)Code.InvalidArgument, status.Code);
        Assert.Equal("page.page_size", status.GetDetail<BadRequest>().FieldViolations[0].Field);
    }

    [Fact]
    public void A_precondition_names_its_subject()
    {
        var violation = RuleViolation.State("Configure it.", new PreconditionSubject("CONFIGURATION", "X:Y", "Not configured."));
        var detail = RpcErrors.FromViolation(violation).GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations[0];

        Assert.Equal(("CONFIGURATION", "X:Y", "Not configured."), (detail.Type, detail.Subject, detail.Description));
    }

    [Fact]
    public void Messages_are_capped_so_the_trailers_stay_within_proxy_limits()
    {
        var status = RpcErrors.FromViolation(RuleViolation.Invalid("f", new string('x', 20_000))).GetRpcStatus()!;

        Assert.Equal(RpcErrors.MaxMessageLength, status.Message.Length);
    }

    [Fact]
    public void A_trimmed_feed_position_says_where_to_resume()
    {
        var status = RpcErrors.Translate(new FeedPositionTrimmedException(1, 3, "resync."))!.GetRpcStatus()!;
        var info = status.GetDetail<ErrorInfo>();

        Assert.Equal(((int)Code.FailedPrecondition, "FEED_POSITION_TRIMMED", "2"), (status.Code, info.Reason, info.Metadata["resume_after_position"]));
    }

    [Fact]
    public void Unknown_exceptions_are_not_refusals() => Assert.Null(RpcErrors.Translate(new InvalidOperationException("bug")));

    private static RuleViolation Violation(ViolationKind kind) => kind switch
    {
        ViolationKind.InvalidArgument => RuleViolation.Invalid("f", "m"),
        ViolationKind.FailedPrecondition => RuleViolation.State("m"),
        ViolationKind.MissingConsent => new ConsentMissing(),
        ViolationKind.AlreadyExists => RuleViolation.Duplicate("m"),
        ViolationKind.NotFound => RuleViolation.NotFound("m"),
        ViolationKind.PermissionDenied => RuleViolation.Denied("m"),
        ViolationKind.Unavailable => RuleViolation.Unavailable("m"),
        ViolationKind.ResourceExhausted => RuleViolation.Exhausted("m"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A new kind: add it here and in RpcErrors."),
    };

    private sealed class ConsentMissing() : RuleViolation(ViolationKind.MissingConsent, "m", precondition: new PreconditionSubject("CONSENT", "SCOPE"));
}
