using Samverkan.Contracts.Discharge.V1;
using Samverkan.ServiceCore.Commands;
using Samverkan.ServiceCore.Grpc;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Rules;

namespace Samverkan.ServiceCore.Tests.Commands;

// Any command request with a request_id field will do; a discharge request is a real one.

public sealed class IdempotencyKeyTests
{
    private static NotifyReadyForDischargeRequest Request(string requestId, int minutes) => new()
    {
        RequestId = requestId,
        CaseId = new string('a', 32),
        JudgedReadyAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 3, 4, 9, minutes, 0, TimeSpan.Zero)),
    };

    private static CallerIdentity Caller(string organisation) =>
        new("sub", "user", "portal", false, organisation, organisation, OrganisationKind.Municipality, null, new HashSet<string>());

    [Fact]
    public void A_retry_has_the_same_fingerprint_and_a_changed_request_another()
    {
        var first = IdempotencyKeys.For(Request("r-1", 0), "NotifyReadyForDischarge");
        var retry = IdempotencyKeys.For(Request("r-1", 0), "NotifyReadyForDischarge");
        var changed = IdempotencyKeys.For(Request("r-1", 5), "NotifyReadyForDischarge");
        var otherOperation = IdempotencyKeys.For(Request("r-1", 0), "WithdrawReadiness");

        Assert.Equal(first, retry);
        Assert.NotEqual(first.Fingerprint, changed.Fingerprint);
        Assert.NotEqual(first.Fingerprint, otherOperation.Fingerprint);
    }

    [Fact]
    public void The_fingerprint_ignores_the_request_id_and_keys_are_per_organisation()
    {
        var a = IdempotencyKeys.For(Request("r-1", 0), "NotifyReadyForDischarge");
        var b = IdempotencyKeys.For(Request("r-2", 0), "NotifyReadyForDischarge");

        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.Equal("20/r-1", a.StoreKey(Caller("20")));
        Assert.Equal("2080/r-1", a.StoreKey(Caller("2080")));
        Assert.Equal(("c/7", a.Fingerprint), IdempotencyKey.ParseResultId(a.ResultId("c/7")));
    }

    [Fact]
    public void A_missing_request_id_is_invalid()
    {
        var violation = Assert.Throws<RuleViolation>(() => IdempotencyKeys.For(Request("", 0), "NotifyReadyForDischarge"));

        Assert.Equal(("request_id", ViolationKind.InvalidArgument), (violation.Field, violation.Kind));
    }
}
