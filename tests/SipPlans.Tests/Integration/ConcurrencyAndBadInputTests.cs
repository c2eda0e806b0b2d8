using Grpc.Core;
using Samverkan.Contracts.Sip.V1;
using static Samverkan.SipPlans.Tests.Integration.SipRequests;

namespace Samverkan.SipPlans.Tests.Integration;

[Collection(SipPlatformCollection.Name)]
public sealed class ConcurrencyAndBadInputTests(SipPlatform platform)
{
    private Samverkan.Contracts.Sip.V1.SipPlans.SipPlansClient Client => platform.Client;

    private async Task<string> PreparedPlanAsync(CallOptions anna)
    {
        var planId = (await Client.InitiatePlanAsync(Initiate(), anna)).PlanId;
        await Client.RecordConsentAsync(Consent(planId), anna);
        await Client.StartPreparationAsync(new PlanStepRequest { RequestId = NewId(), PlanId = planId }, anna);
        await Client.AddParticipantAsync(Principal(planId, "p-soc", "2080-soc"), anna);
        await Client.AddParticipantAsync(Principal(planId, "p-vc", "20-vc-2080"), anna);
        return planId;
    }

    [Fact]
    public async Task Two_organisations_editing_one_plan_concurrently_never_lose_a_change_silently()
    {
        var anna = await platform.AsUserAsync("anna.lind");
        var lena = await platform.AsUserAsync("lena.dahl");
        var planId = await PreparedPlanAsync(anna);

        for (var round = 0; round < 5; round++)
        {
            var read = await Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, anna);
            var annas = read.Draft.Clone();
            annas.WhatMatters = $"Falun round {round}";
            var lenas = read.Draft.Clone();
            lenas.CurrentInterventionsAssessment = $"Region round {round}";

            var results = await Task.WhenAll(
                Outcome(Client.UpdateContentAsync(new UpdateContentRequest { RequestId = NewId(), PlanId = planId, ExpectedVersion = read.Version, Content = annas }, anna).ResponseAsync),
                Outcome(Client.UpdateContentAsync(new UpdateContentRequest { RequestId = NewId(), PlanId = planId, ExpectedVersion = read.Version, Content = lenas }, lena).ResponseAsync));

            // Exactly one wins; the other is told its read is stale and nothing of it was written.
            Assert.Single(results, r => r is null);
            var loser = Assert.Single(results, r => r is not null)!;
            Assert.Equal(StatusCode.FailedPrecondition, loser.StatusCode);
            Assert.Contains("PLAN_VERSION", Google.Rpc.PreconditionFailure.Parser.ParseFrom(loser.GetRpcStatus()!.Details[0].Value).Violations[0].Type);
            var after = await Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, lena);
            Assert.Equal(read.Version + 1, after.Version);
            var annaWon = after.Draft.WhatMatters == $"Falun round {round}";
            var lenaWon = after.Draft.CurrentInterventionsAssessment == $"Region round {round}";
            Assert.True(annaWon ^ lenaWon);

            // The loser re-reads and applies its change on top: both changes are in the plan.
            var merged = after.Draft.Clone();
            if (annaWon) merged.CurrentInterventionsAssessment = $"Region round {round}";
            else merged.WhatMatters = $"Falun round {round}";
            await Client.UpdateContentAsync(new UpdateContentRequest { RequestId = NewId(), PlanId = planId, ExpectedVersion = after.Version, Content = merged },
                annaWon ? lena : anna);
            var final = await Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, anna);
            Assert.Equal(($"Falun round {round}", $"Region round {round}"), (final.Draft.WhatMatters, final.Draft.CurrentInterventionsAssessment));
        }
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_replays_and_records_nothing_twice()
    {
        var anna = await platform.AsUserAsync("anna.lind");
        var planId = await PreparedPlanAsync(anna);
        var invite = Invitations(planId);

        var first = await Client.SendInvitationsAsync(invite, anna);
        var again = await Client.SendInvitationsAsync(invite, anna);

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(first.Version, (await Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, anna)).Version);

        invite.MeetingAt = At(DateTimeOffset.UtcNow.AddDays(9));
        Assert.Equal(StatusCode.AlreadyExists, (await Assert.ThrowsAsync<RpcException>(() => Client.SendInvitationsAsync(invite, anna).ResponseAsync)).StatusCode);
    }

    public static TheoryData<string> BadRequests =>
    [
        "invalid personnummer", "unknown organisation in consent", "agree incomplete plan", "stale version", "step out of order",
        "participant without consent coverage", "oversized field", "unknown unit", "missing expected_version", "malformed plan id",
    ];

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_gets_a_precise_status_and_changes_nothing(string bad)
    {
        var anna = await platform.AsUserAsync("anna.lind");
        var planId = await PreparedPlanAsync(anna);
        var before = await Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, anna);

        var (expected, call) = bad switch
        {
            "invalid personnummer" => (StatusCode.InvalidArgument, (Func<Task>)(() => Client.InitiatePlanAsync(Initiate("198513121234"), anna).ResponseAsync)),
            "unknown organisation in consent" => (StatusCode.InvalidArgument, () => Client.RecordConsentAsync(Consent(planId, "9999"), anna).ResponseAsync),
            "agree incomplete plan" => (StatusCode.FailedPrecondition, () => Client.AgreePlanAsync(new PlanStepRequest { RequestId = NewId(), PlanId = planId }, anna).ResponseAsync),
            "stale version" => (StatusCode.FailedPrecondition, () => Client.UpdateContentAsync(new UpdateContentRequest
                { RequestId = NewId(), PlanId = planId, ExpectedVersion = before.Version - 1, Content = CompleteContent() }, anna).ResponseAsync),
            "step out of order" => (StatusCode.FailedPrecondition, () => Client.RecordMeetingAsync(new RecordMeetingRequest { RequestId = NewId(), PlanId = planId, Meeting = Meeting() }, anna).ResponseAsync),
            "participant without consent coverage" => (StatusCode.FailedPrecondition, () => Client.AddParticipantAsync(Principal(planId, "p-mora", "2062-soc"), anna).ResponseAsync),
            "oversized field" => (StatusCode.InvalidArgument, () => Client.UpdateContentAsync(new UpdateContentRequest
                { RequestId = NewId(), PlanId = planId, ExpectedVersion = before.Version, Content = new PlanContent { WhatMatters = new string('x', 8001) } }, anna).ResponseAsync),
            "unknown unit" => (StatusCode.InvalidArgument, () => Client.AddParticipantAsync(Principal(planId, "p-x", "2080-nope"), anna).ResponseAsync),
            "missing expected_version" => (StatusCode.InvalidArgument, () => Client.UpdateContentAsync(new UpdateContentRequest
                { RequestId = NewId(), PlanId = planId, Content = CompleteContent() }, anna).ResponseAsync),
            _ => (StatusCode.InvalidArgument, () => Client.GetPlanAsync(new GetPlanRequest { PlanId = "../../etc" }, anna).ResponseAsync),
        };

        var refused = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, refused.StatusCode);
        Assert.DoesNotContain("xxxxxxxx", refused.Status.Detail);
        var after = await Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, anna);
        Assert.Equal(before.Version, after.Version);
    }

    private static async Task<RpcException?> Outcome(Task call)
    {
        try
        {
            await call;
            return null;
        }
        catch (RpcException ex)
        {
            return ex;
        }
    }
}
