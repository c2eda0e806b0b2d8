using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Samverkan.Contracts.Ombud.V1;
using Samverkan.PersonalOmbudsmen.Tests.Support;
using Samverkan.SharedKernel.Identity;
using static Samverkan.PersonalOmbudsmen.Tests.Integration.Grpc.TestRequests;

namespace Samverkan.PersonalOmbudsmen.Tests.Integration.Grpc;

// Issue #20's proof, on a platform of its own (its own store, so the counts and files are this
// test's alone): a PO works an assignment through the gateway with real tokens, closes it, and then
// no key and no value of the store, nor its append-only file after a rewrite, holds any of the
// client's identifying data or notes in any common encoding, while the annual follow-up still
// counts the assignment.
public sealed class ClosingShredsTests(OmbudPlatform platform) : IClassFixture<OmbudPlatform>
{
    [Fact]
    public async Task After_closing_nothing_identifying_remains_in_the_store_or_its_files_and_the_statistics_still_count_it()
    {
        var karl = await platform.AsUserAsync("karl.holm");
        var personnummer = Adult(age: 52, sex: LegalSex.Male);
        const string given = "Gunnar";
        const string family = "Hedströmmer-Åkesson";
        const string goal = "Slippa skulderna hos Kronofogden före jul";
        const string note = "Gunnar berättade om sömnproblemen och oron inför mötet med psykiatrin";
        const string about = "Ansökan om skuldsanering, handläggare ringer tillbaka";
        const string phone = "073-555 12 34";

        var opened = await platform.Client.OpenAssignmentAsync(Open(personnummer, given: given, family: family, goal: goal), karl);
        var noted = await platform.Client.AddWorkingNoteAsync(Note(opened.AssignmentId, opened.Version, note), karl);
        var contacted = await platform.Client.RecordContactAsync(new RecordContactRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AssignmentId = opened.AssignmentId,
            ExpectedVersion = noted.Version,
            AuthorityKind = AuthorityKind.Kronofogden,
            AuthorityName = "Kronofogden",
            About = about,
            ContactedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-1)),
        }, karl);
        var agreed = await platform.Client.RecordClientAgreementAsync(new RecordClientAgreementRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AssignmentId = opened.AssignmentId,
            ExpectedVersion = contacted.Version,
            EntryIds = { "g1", noted.EntryId, contacted.EntryId },
            Agreed = true,
            RecordedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        }, karl);
        var read = await platform.Client.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = opened.AssignmentId }, karl);
        Assert.Equal((given, note, AgreementState.Agreed), (read.Client.GivenName, read.Notes[0].Text, read.Notes[0].Header.Agreement));

        // A second client, closed as well, so the count is above the (test) suppression threshold.
        var other = await platform.Client.OpenAssignmentAsync(Open(Adult(age: 30)), karl);
        await platform.Client.CloseAssignmentAsync(Close(other.AssignmentId, other.Version, Outcome.GoalsPartlyMet), karl);

        (string, string)[] secrets =
        [
            ("personnummer", personnummer),
            ("personnummer with dash", personnummer[..8] + "-" + personnummer[8..]),
            ("ten-digit personnummer", personnummer[2..8] + "-" + personnummer[8..]),
            ("given name", given),
            ("family name", family),
            ("phone", phone),
            ("goal", goal),
            ("note", note),
            ("contact", about),
        ];
        Assert.Empty(SecretForms.FindIn(await StoreScan.KeysAndValuesAsync(platform.StoreConnection, platform.Store), secrets));

        var closed = await platform.Client.CloseAssignmentAsync(Close(opened.AssignmentId, agreed.Version, Outcome.ClientEndedMandate), karl);
        Assert.Equal(AssignmentStatus.Closed, closed.Status);

        await StoreScan.CompactAsync(platform.StoreConnection, platform.Store);
        var values = await StoreScan.KeysAndValuesAsync(platform.StoreConnection, platform.Store);
        var files = StoreScan.Files(platform.Store);
        Assert.Empty(SecretForms.FindIn(values, secrets));
        Assert.Empty(SecretForms.FindIn(files, secrets));
        // Not even the data keys' wrapped copies: the store has no data key of a closed assignment.
        Assert.DoesNotContain(platform.StoreConnection.GetServer(platform.Store.ConnectionString).Keys(pattern: "*data-keys*"),
            k => platform.StoreConnection.GetDatabase().HashGet(k, "d").HasValue);

        // Gone for its own PO too; the retry of the close is still answered.
        var gone = await Assert.ThrowsAsync<RpcException>(() => platform.Client.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = opened.AssignmentId }, karl).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, gone.StatusCode);

        // The statistics still count both: new, closed, by outcome (analyst, county and municipality).
        var analyst = await platform.AsUserAsync("ingrid.wall");
        var followUp = await platform.Client.GetAnnualFollowUpAsync(new GetAnnualFollowUpRequest
        {
            Year = DateTime.UtcNow.Year,
            Municipality = new Contracts.Common.V1.OrganisationRef { Code = "2080" },
        }, analyst);
        Assert.Equal(new Count { Value = 2 }, followUp.NewAssignments);
        Assert.Equal(new Count { Value = 2 }, followUp.ClosedAssignments);
        Assert.Equal(2, followUp.Areas.Single(a => a.Area == Area.Housing).Assignments.Value);
        Assert.True(followUp.ClosedByOutcome.Single(o => o.Outcome == Outcome.ClientEndedMandate).Assignments.Suppressed);
        var county = await platform.Client.GetAnnualFollowUpAsync(new GetAnnualFollowUpRequest { Year = DateTime.UtcNow.Year }, analyst);
        Assert.Equal(new Count { Value = 2 }, county.ClosedAssignments);
    }
}
