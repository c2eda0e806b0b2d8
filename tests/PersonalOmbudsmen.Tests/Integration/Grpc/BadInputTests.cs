using System.Security.Cryptography;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Samverkan.Contracts.Ombud.V1;
using Samverkan.PersonalOmbudsmen.Tests.Support;
using static Samverkan.PersonalOmbudsmen.Tests.Integration.Grpc.TestRequests;
using Contract = Samverkan.Contracts.Ombud.V1.PersonalOmbudsmen;

namespace Samverkan.PersonalOmbudsmen.Tests.Integration.Grpc;

// Bad input gets a precise status naming what to fix, and changes nothing in the store.
[Collection(OmbudPlatformCollection.Name)]
public sealed class BadInputTests(OmbudPlatform platform)
{
    [Fact]
    public async Task A_client_under_18_is_an_invalid_argument_naming_the_field_and_nothing_is_written()
    {
        var request = Open(TestClients.Number(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-17)).Value);
        var error = await RefusedAsync(StatusCode.InvalidArgument, () => CallAsync((c, o) => c.OpenAssignmentAsync(request, o)));
        Assert.Equal("client.personal_identity_number", Assert.Single(error.GetDetail<BadRequest>()!.FieldViolations).Field);
        Assert.Contains("under 18", error.Message);
    }

    [Fact]
    public async Task An_unknown_municipality_is_an_invalid_argument() =>
        Assert.Equal("municipality.code", Assert.Single((await RefusedAsync(StatusCode.InvalidArgument,
            () => CallAsync((c, o) => c.OpenAssignmentAsync(Open(Adult(), municipality: "9999"), o)))).GetDetail<BadRequest>()!.FieldViolations).Field);

    [Fact]
    public async Task An_oversized_note_is_an_invalid_argument_and_a_stale_version_a_failed_precondition()
    {
        var karl = await platform.AsUserAsync("karl.holm");
        var opened = await platform.Client.OpenAssignmentAsync(Open(Adult()), karl);

        await RefusedAsync(StatusCode.InvalidArgument, () => CallAsync((c, o) => c.AddWorkingNoteAsync(Note(opened.AssignmentId, opened.Version, new string('x', 4001)), o)));
        var stale = await RefusedAsync(StatusCode.FailedPrecondition, () => CallAsync((c, o) => c.AddWorkingNoteAsync(Note(opened.AssignmentId, opened.Version + 7, "Text"), o)));
        Assert.Equal("VERSION", Assert.Single(stale.GetDetail<PreconditionFailure>()!.Violations).Type);
        await RefusedAsync(StatusCode.InvalidArgument, () => CallAsync((c, o) => c.AddWorkingNoteAsync(Note(opened.AssignmentId, 0, "Text"), o)));
        await RefusedAsync(StatusCode.InvalidArgument, () => CallAsync((c, o) => c.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = "2080-nope" }, o)));
        await RefusedAsync(StatusCode.NotFound, () => CallAsync((c, o) => c.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = "2080-" + new string('a', 32) }, o)));
    }

    [Fact]
    public async Task A_note_on_a_closed_assignment_is_a_failed_precondition()
    {
        var karl = await platform.AsUserAsync("karl.holm");
        var opened = await platform.Client.OpenAssignmentAsync(Open(Adult()), karl);
        var closed = await platform.Client.CloseAssignmentAsync(Close(opened.AssignmentId, opened.Version), karl);
        Assert.Equal(AssignmentStatus.Closed, closed.Status);

        var error = await RefusedAsync(StatusCode.FailedPrecondition, () => CallAsync((c, o) => c.AddWorkingNoteAsync(Note(opened.AssignmentId, closed.Version, "Efteråt"), o)));
        Assert.Contains("closed", error.Message);
        await RefusedAsync(StatusCode.FailedPrecondition, () => CallAsync((c, o) => c.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = opened.AssignmentId }, o)));
        await RefusedAsync(StatusCode.FailedPrecondition, () => CallAsync((c, o) => c.CloseAssignmentAsync(Close(opened.AssignmentId, closed.Version), o)));
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_is_a_replay_and_a_different_request_under_it_is_refused()
    {
        var karl = await platform.AsUserAsync("karl.holm");
        var open = Open(Adult());
        var first = await platform.Client.OpenAssignmentAsync(open, karl);
        var again = await platform.Client.OpenAssignmentAsync(open, karl);
        Assert.Equal((first.AssignmentId, true), (again.AssignmentId, again.Replayed));

        var note = Note(first.AssignmentId, first.Version, "Första anteckningen");
        var noted = await platform.Client.AddWorkingNoteAsync(note, karl);
        var replayed = await platform.Client.AddWorkingNoteAsync(note, karl);
        Assert.Equal((noted.Version, noted.EntryId, true), (replayed.Version, replayed.EntryId, replayed.Replayed));
        var read = await platform.Client.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = first.AssignmentId }, karl);
        Assert.Single(read.Notes);

        var reused = note.Clone();
        reused.Text = "Något annat";
        await RefusedAsync(StatusCode.AlreadyExists, () => CallAsync((c, o) => c.AddWorkingNoteAsync(reused, o)));
    }

    // As karl.holm (PO of Falun) through the gateway.
    private async Task CallAsync<T>(Func<Contract.PersonalOmbudsmenClient, CallOptions, AsyncUnaryCall<T>> call) =>
        await call(platform.Client, await platform.AsUserAsync("karl.holm")).ResponseAsync;

    // The refusal, with the whole store unchanged by it.
    private async Task<Google.Rpc.Status> RefusedAsync(StatusCode code, Func<Task> call)
    {
        var before = await SnapshotAsync();
        var refused = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, refused.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
        return refused.GetRpcStatus()!;
    }

    private async Task<string> SnapshotAsync() =>
        Convert.ToHexString(SHA256.HashData(await StoreScan.KeysAndValuesAsync(platform.StoreConnection, platform.Store)));
}
