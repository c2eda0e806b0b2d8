using Grpc.Core;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Ombud.V1;
using Samverkan.PersonalOmbudsmen.Tests.Integration.Grpc;
using Samverkan.TestSupport.Faults;
using Xunit.Abstractions;
using static Samverkan.PersonalOmbudsmen.Tests.Integration.Grpc.TestRequests;

namespace Samverkan.PersonalOmbudsmen.Tests.Integration.Faults;

// The store is SIGKILLed while POs open assignments and write a note on each, and restarted from its
// own files (StoreCrashRun). Every acknowledged assignment must come back readable with its note:
// its wrapped data key and sealed content were committed together, so no acknowledged assignment can
// have lost the key that opens it. Failures during the outage must be statuses a client retries
// (Unavailable, or its deadline); a retry of every OpenAssignment request_id replays the first
// result, and the PO's list holds exactly one assignment per applied request (no duplicates).
public sealed class StoreCrashTests(OmbudPlatform platform, ITestOutputHelper output) : IClassFixture<OmbudPlatform>
{
    private const int Writers = 3;
    private static readonly TimeSpan PauseBetweenCalls = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Acknowledged_assignments_and_notes_survive_a_store_crash_still_decrypt_and_replay_without_duplicates()
    {
        var karl = await platform.AsUserAsync("karl.holm");
        var run = await StoreCrashRun<OpenAssignmentRequest>.RunAsync(platform.Store, Writers, PauseBetweenCalls,
            () => Open(Adult()),
            async (request, deadline) =>
            {
                var opened = await platform.Client.OpenAssignmentAsync(request, karl.WithDeadline(deadline));
                await platform.Client.AddWorkingNoteAsync(Note(opened.AssignmentId, opened.Version, NoteFor(request)), karl.WithDeadline(deadline));
                return opened.AssignmentId;
            });
        output.WriteLine(run.Summary());
        run.AssertOutageWasRetryable();

        await StoreCrashRun<OpenAssignmentRequest>.ForEachAsync(run.Acknowledged, async o =>
        {
            var read = await platform.Direct.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = o.Id }, karl);
            Assert.Equal("Agnes", read.Client.GivenName);
            Assert.Contains(read.Notes, n => n.Text == NoteFor(o.Request));
        });

        var applied = new System.Collections.Concurrent.ConcurrentBag<string>();
        output.WriteLine(await run.AssertRetriesReplayAsync(
            async request =>
            {
                var again = await platform.Direct.OpenAssignmentAsync(request, karl);
                return new Replay(again.AssignmentId, again.Replayed);
            },
            async (_, assignmentId) =>
            {
                if (assignmentId is null) return;
                applied.Add(assignmentId);
                Assert.Equal("Agnes", (await platform.Direct.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = assignmentId }, karl)).Client.GivenName);
            }));

        // No duplicates: the PO's assignments are exactly the applied requests' (this platform is the test's own).
        Assert.Equal(applied.Order(StringComparer.Ordinal), (await ListAllAsync(karl)).Order(StringComparer.Ordinal));
    }

    private static string NoteFor(OpenAssignmentRequest request) => $"Anteckning {request.RequestId[..8]} före eller efter kraschen";

    private async Task<List<string>> ListAllAsync(CallOptions caller)
    {
        var ids = new List<string>();
        var page = new PageRequest { PageSize = 100 };
        while (true)
        {
            var response = await platform.Direct.ListAssignmentsAsync(new ListAssignmentsRequest { Page = page }, caller);
            ids.AddRange(response.Assignments.Select(a => a.AssignmentId));
            if (string.IsNullOrEmpty(response.NextPageToken)) return ids;
            page = new PageRequest { PageSize = 100, PageToken = response.NextPageToken };
        }
    }
}
