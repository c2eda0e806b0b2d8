using Grpc.Core;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Contracts.Ombud.V1;
using static Samverkan.PersonalOmbudsmen.Tests.Integration.Grpc.TestRequests;

namespace Samverkan.PersonalOmbudsmen.Tests.Integration.Grpc;

// Only the PO unit of the client's municipality sees an assignment: real tokens from the identity
// server, through the real gateway and, for callers the gateway already stops, directly against
// the service (it must refuse by itself).
[Collection(OmbudPlatformCollection.Name)]
public sealed class AuthorizationTests(OmbudPlatform platform)
{
    public static TheoryData<string> Outsiders => new()
    {
        "olof.stark",    // personal ombudsman, Ludvika
        "anna.lind",     // SIP participant, Falun social services
        "eva.strom",     // auditor, Falun
        "ingrid.wall",   // analyst, region
        "birgitta.ros",  // PO steering group, Falun
        "lars.vik",      // administrator, Falun
    };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Nobody_but_the_po_unit_of_the_clients_municipality_reads_or_writes_an_open_assignment(string username)
    {
        var karl = await platform.AsUserAsync("karl.holm");
        var opened = await platform.Client.OpenAssignmentAsync(Open(Adult()), karl);
        var outsider = await platform.AsUserAsync(username);

        foreach (var client in new[] { platform.Client, platform.Direct })
        {
            await AssertDenied(() => client.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = opened.AssignmentId }, outsider).ResponseAsync);
            await AssertDenied(() => client.AddWorkingNoteAsync(Note(opened.AssignmentId, opened.Version, "Försök"), outsider).ResponseAsync);
            await AssertDenied(() => client.CloseAssignmentAsync(Close(opened.AssignmentId, opened.Version), outsider).ResponseAsync);
        }

        // Nothing changed, and the owner still reads it.
        var read = await platform.Client.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = opened.AssignmentId }, karl);
        Assert.Equal(opened.Version, read.Version);
        Assert.Empty(read.Notes);
    }

    [Fact]
    public async Task A_system_account_of_the_municipality_is_refused()
    {
        var karl = await platform.AsUserAsync("karl.holm");
        var opened = await platform.Client.OpenAssignmentAsync(Open(Adult()), karl);
        var system = OmbudPlatform.Bearer(await platform.SystemTokenAsync("falun"));
        // A system client's tokens do not name this service as an audience (deploy/keycloak), so the
        // service refuses them before any role is looked at.
        var refused = await Assert.ThrowsAsync<RpcException>(() => platform.Direct.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = opened.AssignmentId }, system).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task A_po_cannot_open_an_assignment_for_another_municipalitys_client()
    {
        var olof = await platform.AsUserAsync("olof.stark");
        var refused = await Assert.ThrowsAsync<RpcException>(() => platform.Client.OpenAssignmentAsync(Open(Adult(), municipality: "2080"), olof).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task Every_access_is_recorded_with_a_pseudonym_of_the_assignment_never_the_personnummer()
    {
        var karl = await platform.AsUserAsync("karl.holm");
        var personnummer = Adult();
        var opened = await platform.Client.OpenAssignmentAsync(Open(personnummer), karl);
        await platform.Client.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = opened.AssignmentId }, karl);
        var noted = await platform.Client.AddWorkingNoteAsync(Note(opened.AssignmentId, opened.Version, "Ringde Försäkringskassan"), karl);
        await platform.Client.ListAssignmentsAsync(new ListAssignmentsRequest(), karl);
        await platform.Client.CloseAssignmentAsync(Close(opened.AssignmentId, noted.Version), karl);

        var records = (await platform.AccessRecordsAsync()).Where(r => r.Resource == $"ombud-assignment/{opened.AssignmentId}").ToList();
        Assert.Equal([AccessAction.Create, AccessAction.Read, AccessAction.Change, AccessAction.Read, AccessAction.Delete], records.Select(r => r.Action));
        Assert.All(records, r =>
        {
            Assert.Equal("karl.holm", r.Username);
            Assert.Equal("2080-po", r.UnitId);
            Assert.Equal("2080", r.ResourceOrganisationCode);
            Assert.Equal("personal-ombudsman", r.Purpose);
            Assert.StartsWith("po_", r.PersonRef);
            Assert.DoesNotContain(personnummer, r.ToString());
        });
        Assert.Single(records.Select(r => r.PersonRef).Distinct());
    }

    private static async Task AssertDenied(Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
