using Samverkan.Contracts.Discharge.V1;
using Samverkan.DischargeNotices.Application.Commands;
using Samverkan.DischargeNotices.Domain.Rules;
using Samverkan.DischargeNotices.Tests.Support;

namespace Samverkan.DischargeNotices.Tests.Unit.Application;

public sealed class IdempotencyKeyTests
{
    private static NotifyReadyForDischargeRequest Request(string requestId, int minutes) => new()
    {
        RequestId = requestId,
        CaseId = new string('a', 32),
        JudgedReadyAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Sweden.At(2024, 3, 4, 10, minutes)),
    };

    [Fact]
    public void A_retry_has_the_same_fingerprint_and_a_changed_request_another()
    {
        var first = IdempotencyKey.For(Request("r-1", 0), "NotifyReadyForDischarge");
        var retry = IdempotencyKey.For(Request("r-1", 0), "NotifyReadyForDischarge");
        var changed = IdempotencyKey.For(Request("r-1", 5), "NotifyReadyForDischarge");
        var otherOperation = IdempotencyKey.For(Request("r-1", 0), "WithdrawReadiness");

        Assert.Equal(first, retry);
        Assert.NotEqual(first.Fingerprint, changed.Fingerprint);
        Assert.NotEqual(first.Fingerprint, otherOperation.Fingerprint);
    }

    [Fact]
    public void The_fingerprint_ignores_the_request_id_and_keys_are_per_organisation()
    {
        var a = IdempotencyKey.For(Request("r-1", 0), "NotifyReadyForDischarge");
        var b = IdempotencyKey.For(Request("r-2", 0), "NotifyReadyForDischarge");

        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.Equal("20/r-1", a.StoreKey(Callers.InpatientNurse));
        Assert.Equal("2080/r-1", a.StoreKey(Callers.FalunSystem));
        Assert.Equal(("c", 7, a.Fingerprint), IdempotencyKey.ParseResultId(a.ResultId("c", 7)));
    }

    [Fact]
    public void A_missing_request_id_is_invalid()
    {
        var violation = Assert.Throws<CaseRuleViolation>(() => IdempotencyKey.For(Request("", 0), "NotifyReadyForDischarge"));

        Assert.Equal(("request_id", ViolationKind.InvalidArgument), (violation.Field, violation.Kind));
    }
}
