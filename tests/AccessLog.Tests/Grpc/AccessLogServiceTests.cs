using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Samverkan.AccessLog.Tests.Fakes;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Contracts.Common.V1;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.AccessLog.Tests.Grpc;

// The gRPC service class called directly, over the in-memory store (the same rules run end to end
// against the real store and real tokens in the integration tests).
public sealed class AccessLogServiceTests
{
    private const string Person = "191212121212";
    private static readonly ServerCallContext FalunAuditor = TestServerCallContext.For("falun", "2080", "2080-soc", PlatformRoles.Auditor);
    private static readonly ServerCallContext MoraAuditor = TestServerCallContext.For("mora", "2062", "2062-soc", PlatformRoles.Auditor);

    private static async Task<AccessLogParts> WithFalunAndMoraAccessesAsync()
    {
        var parts = new AccessLogParts();
        var person = parts.PersonReferences.For(Person);
        await parts.ProduceAndCollectAsync("discharge",
            TestRecords.Access(organisation: "2080", unit: "2080-soc", subject: "falun-1", personRef: person, at: TestRecords.Noon),
            TestRecords.Access(organisation: "2062", unit: "2062-soc", subject: "mora-1", personRef: person, at: TestRecords.Noon.AddMinutes(1)),
            TestRecords.Access(organisation: "2080", unit: "2080-hsl", subject: "falun-2", personRef: "p_other", at: TestRecords.Noon.AddMinutes(2)));
        return parts;
    }

    [Fact]
    public async Task An_auditor_of_Falun_sees_only_accesses_by_Falun_users()
    {
        var parts = await WithFalunAndMoraAccessesAsync();

        var falun = await parts.Service.QueryAccesses(new QueryAccessesRequest(), FalunAuditor);
        var mora = await parts.Service.QueryAccesses(new QueryAccessesRequest(), MoraAuditor);

        Assert.Equal(["falun-2", "falun-1"], falun.Entries.Select(e => e.Record.UserSubject));
        Assert.Equal(["mora-1"], mora.Entries.Select(e => e.Record.UserSubject));
    }

    [Fact]
    public async Task Querying_a_person_shows_only_the_own_organisations_accesses_and_is_itself_logged()
    {
        var parts = await WithFalunAndMoraAccessesAsync();

        var response = await parts.Service.QueryAccesses(
            new QueryAccessesRequest { Person = new PersonalIdentityNumber { Value = Person } }, FalunAuditor);

        var entry = Assert.Single(response.Entries);
        Assert.Equal("falun-1", entry.Record.UserSubject);
        var logged = Assert.Single(parts.OwnAuditRecords());
        Assert.Equal(("sub-falun-auditor", "2080", AccessAction.Read, parts.PersonReferences.For(Person), $"access-log-entry/{entry.Sequence}"),
            (logged.UserSubject, logged.OrganisationCode, logged.Action, logged.PersonRef, logged.Resource));
        Assert.DoesNotContain(Person, logged.ToString());
    }

    [Fact]
    public async Task A_person_without_accesses_is_still_an_access_to_log()
    {
        var parts = await WithFalunAndMoraAccessesAsync();

        var response = await parts.Service.QueryAccesses(
            new QueryAccessesRequest { Person = new PersonalIdentityNumber { Value = "194504282221" } }, MoraAuditor);

        Assert.Empty(response.Entries);
        Assert.Equal(parts.PersonReferences.For("194504282221"), Assert.Single(parts.OwnAuditRecords()).PersonRef);
    }

    [Fact]
    public async Task Another_organisations_unit_and_entry_are_refused()
    {
        var parts = await WithFalunAndMoraAccessesAsync();

        var unit = await Refusals.ThrowsAsync(() => parts.Service.QueryAccesses(
            new QueryAccessesRequest { Unit = new UnitRef { Id = "2062-soc" } }, FalunAuditor));
        var entry = await Refusals.ThrowsAsync(() => parts.Service.GetAccess(new GetAccessRequest { Sequence = 2 }, FalunAuditor));

        Assert.Equal(StatusCode.PermissionDenied, unit.StatusCode);
        Assert.Equal(StatusCode.NotFound, entry.StatusCode);
        Assert.Empty(parts.OwnAuditRecords());
    }

    [Fact]
    public async Task Only_auditors_review()
    {
        var parts = await WithFalunAndMoraAccessesAsync();
        var receiver = TestServerCallContext.For("falun", "2080", "2080-soc", PlatformRoles.DischargeReceiver, PlatformRoles.Administrator);

        var error = await Refusals.ThrowsAsync(() => parts.Service.QueryAccesses(new QueryAccessesRequest(), receiver));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task When_the_auditors_own_access_cannot_be_recorded_no_data_is_returned()
    {
        var parts = await WithFalunAndMoraAccessesAsync();
        parts.Server.FailCommitsWith = new TimeoutException("store down");

        var error = await Refusals.ThrowsAsync(() => parts.Service.QueryAccesses(new QueryAccessesRequest(), FalunAuditor));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Empty(parts.OwnAuditRecords());
    }

    [Fact]
    public async Task Bad_input_gets_invalid_argument_and_never_echoes_a_personnummer()
    {
        var parts = await WithFalunAndMoraAccessesAsync();

        async Task<RpcException> Call(QueryAccessesRequest request) =>
            await Refusals.ThrowsAsync(() => parts.Service.QueryAccesses(request, FalunAuditor));

        var badPerson = await Call(new QueryAccessesRequest { Person = new PersonalIdentityNumber { Value = "191212121213" } });
        var badPage = await Call(new QueryAccessesRequest { Page = new PageRequest { PageSize = 500 } });
        var badToken = await Call(new QueryAccessesRequest { Page = new PageRequest { PageToken = "garbage" } });
        var badRange = await Call(new QueryAccessesRequest
        {
            TimeRange = new TimeRange { From = Timestamp.FromDateTimeOffset(TestRecords.Noon), To = Timestamp.FromDateTimeOffset(TestRecords.Noon) },
        });

        Assert.All([badPerson, badPage, badToken, badRange], e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.DoesNotContain("191212121213", badPerson.Status.Detail);
    }

    [Fact]
    public async Task Pages_walk_every_entry_once_even_with_equal_times()
    {
        var parts = new AccessLogParts();
        var records = Enumerable.Range(0, 7).Select(i => TestRecords.Access(at: TestRecords.Noon.AddSeconds(i / 3))).ToArray();
        await parts.ProduceAndCollectAsync("discharge", records);

        var seen = new List<long>();
        var token = "";
        do
        {
            var page = await parts.Service.QueryAccesses(new QueryAccessesRequest { Page = new PageRequest { PageSize = 2, PageToken = token } }, FalunAuditor);
            seen.AddRange(page.Entries.Select(e => e.Sequence));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal([7, 6, 5, 4, 3, 2, 1], seen);
    }

    [Fact]
    public async Task A_sample_is_drawn_again_identically_from_its_seed_and_as_of_sequence()
    {
        var parts = new AccessLogParts();
        await parts.ProduceAndCollectAsync("discharge", Enumerable.Range(0, 60).Select(i => TestRecords.Access(at: TestRecords.Noon.AddMinutes(i))).ToArray());
        var request = new SampleAccessesRequest
        {
            TimeRange = new TimeRange { From = Timestamp.FromDateTimeOffset(TestRecords.Noon), To = Timestamp.FromDateTimeOffset(TestRecords.Noon.AddDays(1)) },
            SampleSize = 10,
            Seed = 4711,
        };

        var first = await parts.Service.SampleAccesses(request, FalunAuditor);
        await parts.ProduceAndCollectAsync("discharge", Enumerable.Range(0, 60).Select(i => TestRecords.Access(at: TestRecords.Noon.AddMinutes(i))).ToArray());
        request.AsOfSequence = first.AsOfSequence;
        var again = await parts.Service.SampleAccesses(request, FalunAuditor);

        Assert.Equal(60, first.Population);
        Assert.Equal(10, first.Entries.Count);
        Assert.Equal(first.Entries.Select(e => e.Sequence), again.Entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_review_is_added_beside_the_entry_idempotently_and_recorded_in_the_chain()
    {
        var parts = await WithFalunAndMoraAccessesAsync();
        var request = new RecordReviewRequest
        {
            ReviewId = Guid.NewGuid().ToString(),
            Sequence = 1,
            Outcome = ReviewOutcome.Justified,
            Reason = ReviewReason.Systematic,
        };

        var first = await parts.Service.RecordReview(request, FalunAuditor);
        var retry = await parts.Service.RecordReview(request, FalunAuditor);
        request.Outcome = ReviewOutcome.Unjustified;
        var clash = await Refusals.ThrowsAsync(() => parts.Service.RecordReview(request, FalunAuditor));
        var entry = await parts.Service.GetAccess(new GetAccessRequest { Sequence = 1 }, FalunAuditor);

        Assert.Equal(first.Review, retry.Review);
        Assert.Equal(StatusCode.AlreadyExists, clash.StatusCode);
        Assert.Equal(first.Review, Assert.Single(entry.Reviews));
        Assert.Equal("falun-1", entry.Record.UserSubject);
        var created = Assert.Single(parts.OwnAuditRecords(), r => r.Action == AccessAction.Create);
        Assert.Equal($"access-review/{request.ReviewId}", created.Resource);

        // The auditors' own records are chained like everyone's; the chain stays intact.
        await parts.ProduceAndCollectAsync("access-log");
        var verification = await parts.Service.VerifyChain(new VerifyChainRequest(), FalunAuditor);
        Assert.True(verification.Intact);
        Assert.Equal(3 + parts.OwnAuditRecords().Count, verification.Head.Sequence);
    }

    [Fact]
    public async Task The_person_extract_names_the_own_organisations_units_in_Swedish_and_is_logged_as_an_export()
    {
        var parts = await WithFalunAndMoraAccessesAsync();

        var extract = await parts.Service.GetPersonLogExtract(
            new GetPersonLogExtractRequest { Person = new PersonalIdentityNumber { Value = Person } }, FalunAuditor);

        var line = Assert.Single(extract.Lines);
        Assert.Equal("Falu kommun, Socialtjänsten, Falun, läste uppgifter 2026-11-20 13:00", line.Text);
        Assert.DoesNotContain("Mora", string.Join("\n", extract.Lines.Select(l => l.Text)));
        Assert.Equal(AccessAction.Export, Assert.Single(parts.OwnAuditRecords()).Action);
    }

    [Fact]
    public async Task Flagged_reports_find_protected_persons_and_accesses_outside_the_own_unit()
    {
        var parts = new AccessLogParts();
        await parts.ProduceAndCollectAsync("discharge",
            TestRecords.Access(protectedIdentity: true),
            TestRecords.Access(resourceOrganisation: "2080", resourceUnit: "2080-hsl"),
            TestRecords.Access(resourceOrganisation: "2080", resourceUnit: "2080-soc"));

        var protectedPersons = await parts.Service.ReportFlaggedAccesses(new ReportFlaggedAccessesRequest { Flag = AccessFlag.ProtectedIdentity }, FalunAuditor);
        var outsideUnit = await parts.Service.ReportFlaggedAccesses(new ReportFlaggedAccessesRequest { Flag = AccessFlag.OutsideOwnUnit }, FalunAuditor);

        Assert.Equal([1L], protectedPersons.Entries.Select(e => e.Sequence));
        Assert.Equal([2L], outsideUnit.Entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Verification_finds_an_edited_entry_and_a_rewrite_against_a_published_head()
    {
        var parts = await WithFalunAndMoraAccessesAsync();
        var head = await parts.Service.GetChainHead(new GetChainHeadRequest(), FalunAuditor);
        var chain = parts.Server.Channel("access-log", "chain");
        chain[1][^1] ^= 0x01;

        var result = await parts.Service.VerifyChain(new VerifyChainRequest(), FalunAuditor);
        var withCheckpoint = await parts.Service.VerifyChain(new VerifyChainRequest { Checkpoints = { head } }, FalunAuditor);
        var laterRange = await parts.Service.VerifyChain(new VerifyChainRequest { FromSequence = 3 }, FalunAuditor);

        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBreak.Sequence);
        Assert.False(withCheckpoint.Intact);
        Assert.True(laterRange.Intact);
    }

    // Issue #15, item 6: the gateway refuses an administrator on the access log's routes, so the
    // service must too - one rule (PlatformRoles.AccessLogCallers) for both.
    [Fact]
    public async Task An_administrator_may_not_verify_the_chain_or_read_its_head()
    {
        var parts = await WithFalunAndMoraAccessesAsync();
        var administrator = TestServerCallContext.For("falun", "2080", "2080-soc", PlatformRoles.Administrator);

        var verify = await Assert.ThrowsAsync<RpcException>(() => parts.Service.VerifyChain(new VerifyChainRequest(), administrator));
        var head = await Assert.ThrowsAsync<RpcException>(() => parts.Service.GetChainHead(new GetChainHeadRequest(), administrator));
        Assert.Equal(StatusCode.PermissionDenied, verify.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, head.StatusCode);
    }

    [Fact]
    public void The_access_logs_callers_are_auditors_only()
    {
        Assert.Equal([PlatformRoles.Auditor], PlatformRoles.AccessLogCallers);
    }
}
