using System.Collections.Concurrent;
using Grpc.Core;
using Samverkan.Contracts.Ombud.V1;
using Samverkan.PersonalOmbudsmen.Tests.Integration.Grpc;
using Xunit.Abstractions;
using static Samverkan.PersonalOmbudsmen.Tests.Integration.Grpc.TestRequests;

namespace Samverkan.PersonalOmbudsmen.Tests.Integration.Faults;

// The store is SIGKILLed while POs open assignments and write notes, and restarted from its own
// files. Every acknowledged assignment must come back readable: its wrapped data key and sealed
// content were committed together, so no acknowledged assignment can have lost the key that opens
// it. Failures during the outage must be statuses a client retries (Unavailable, or its deadline).
public sealed class StoreCrashTests(OmbudPlatform platform, ITestOutputHelper output) : IClassFixture<OmbudPlatform>
{
    private const int Writers = 3;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(7);

    [Fact]
    public async Task Acknowledged_assignments_and_notes_survive_a_store_crash_and_still_decrypt()
    {
        var karl = await platform.AsUserAsync("karl.holm");
        var acknowledged = new ConcurrentBag<(string Id, string? Note)>();
        var failures = new ConcurrentQueue<StatusCode>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var options = karl.WithDeadline(DateTime.UtcNow.AddSeconds(10));
                try
                {
                    var opened = await platform.Client.OpenAssignmentAsync(Open(Adult()), options);
                    var text = $"Anteckning {w}-{i} före eller efter kraschen";
                    try
                    {
                        await platform.Client.AddWorkingNoteAsync(Note(opened.AssignmentId, opened.Version, text), karl.WithDeadline(DateTime.UtcNow.AddSeconds(10)));
                        acknowledged.Add((opened.AssignmentId, text));
                    }
                    catch (RpcException e)
                    {
                        failures.Enqueue(e.StatusCode);
                        acknowledged.Add((opened.AssignmentId, null));
                    }
                }
                catch (RpcException e)
                {
                    failures.Enqueue(e.StatusCode);
                }
                await Task.Delay(50);
            }
        })).ToArray();

        await WaitUntilAsync(() => acknowledged.Count >= Writers * 3, TimeSpan.FromSeconds(60));
        await platform.Store.KillAsync();
        await Task.Delay(Outage);
        await platform.Store.StartAsync();
        var before = acknowledged.Count;
        await WaitUntilAsync(() => acknowledged.Count >= before + Writers, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        output.WriteLine($"{acknowledged.Count} assignments acknowledged, failures: {string.Join(", ", failures.GroupBy(c => c).Select(g => $"{g.Key} {g.Count()}"))}");
        Assert.All(failures, code => Assert.Contains(code, new[] { StatusCode.Unavailable, StatusCode.DeadlineExceeded }));
        foreach (var (id, note) in acknowledged)
        {
            var read = await platform.Client.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = id }, karl);
            Assert.Equal("Agnes", read.Client.GivenName);
            if (note is not null) Assert.Contains(read.Notes, n => n.Text == note);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The writers made no progress.");
            await Task.Delay(100);
        }
    }
}
