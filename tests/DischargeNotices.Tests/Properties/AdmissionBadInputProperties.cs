using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Grpc.Core;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Samverkan.DischargeNotices.Tests.Properties;

// Generated bad input against the real platform (through the gateway): valid admission notices
// with one to three corruptions each (AdmissionGenerators). For every one of them:
//   1. the answer is OK or a precise refusal (InvalidArgument, FailedPrecondition, PermissionDenied,
//      NotFound, AlreadyExists, ResourceExhausted, Unauthenticated) with a message, and neither the
//      message nor the details repeat the personal data that was sent;
//   2. a refused call changes nothing in the store (every key compared before and after);
//   3. an accepted call is safe to retry: the same request again is answered "replayed" with the
//      same case and writes nothing, and the same request_id with another body is refused and
//      writes nothing.
// A failure is shrunk by dropping corruptions one at a time, and reported with the seed that
// reproduces it (SAMVERKAN_PROPERTY_SEED=<seed>).
[Collection(QuietDischargePlatformCollection.Name)]
public sealed class AdmissionBadInputProperties(QuietDischargePlatform platform, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Cases = 120;
    private ConnectionMultiplexer _store = null!;

    private Samverkan.Contracts.Discharge.V1.DischargeNotices.DischargeNoticesClient Client => platform.Client;

    public async Task InitializeAsync() => _store = await ConnectionMultiplexer.ConnectAsync(platform.Store.ConnectionString);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Corrupted_admission_notices_are_answered_precisely_and_a_refusal_changes_nothing()
    {
        var seed = Seed();
        var inputs = AdmissionGenerators.Inputs().Generator.Sample(Cases, new Rnd(seed), 30);
        var answers = new Dictionary<string, int>();
        var examples = new Dictionary<string, string>();

        foreach (var input in inputs)
        {
            var (outcome, violation) = await CheckAsync(input);
            var answer = outcome.IsOk ? "OK" : outcome.Code.ToString();
            answers[answer] = answers.GetValueOrDefault(answer) + 1;
            examples.TryAdd(answer, $"{input}\n    → {outcome}");
            if (violation is null) continue;

            var (smallest, why) = await ShrinkAsync(input, violation);
            Assert.Fail($"Seed {seed}: {smallest}\n  → {why}");
        }

        output.WriteLine($"seed {seed}, {Cases} generated calls: " + string.Join(", ", answers.OrderByDescending(a => a.Value).Select(a => $"{a.Key} {a.Value}")));
        foreach (var (answer, example) in examples) output.WriteLine($"  first {answer}: {example}");
        // The property is only worth something when the generators reach both sides and more than one kind of refusal.
        Assert.True(answers.GetValueOrDefault("OK") > 0, "No generated call was accepted: the retry check never ran.");
        Assert.True(answers.GetValueOrDefault(nameof(StatusCode.InvalidArgument)) > Cases / 4, "Too few InvalidArgument answers: the generators miss the validation.");
        Assert.True(answers.GetValueOrDefault(nameof(StatusCode.PermissionDenied)) > 0, "No PermissionDenied answer: the generated callers never reach authorization.");
    }

    // The seed: given (to reproduce a failure), or a fresh one printed with every failure.
    private static ulong Seed() =>
        Environment.GetEnvironmentVariable("SAMVERKAN_PROPERTY_SEED") is { Length: > 0 } given
            ? ulong.Parse(given, CultureInfo.InvariantCulture)
            : (ulong)Random.Shared.NextInt64(1, long.MaxValue);

    private async Task<(CallOutcome Outcome, string? Violation)> CheckAsync(AdmissionInput input)
    {
        var call = input.Build(DateTimeOffset.UtcNow);
        var options = await CallerAsync(call);
        var before = await StoreSnapshot.TakeAsync(_store);
        Contracts.Discharge.V1.SendAdmissionNoticeResponse? accepted = null;
        var outcome = await CallOutcome.OfAsync(async () => accepted = await Client.SendAdmissionNoticeAsync(call.Request, options));

        if (outcome.Violation(call.PersonalData()) is { } imprecise) return (outcome, imprecise);
        if (!outcome.IsOk)
        {
            var changes = before.ChangesTo(await StoreSnapshot.TakeAsync(_store));
            return (outcome, changes.Count == 0 ? null : $"refused ({outcome}) but the store changed: {string.Join(", ", changes.Take(10))}");
        }
        return (outcome, await RetryViolationAsync(call, options, accepted!));
    }

    private async Task<string?> RetryViolationAsync(AdmissionCall call, CallOptions options, Contracts.Discharge.V1.SendAdmissionNoticeResponse first)
    {
        var before = await StoreSnapshot.TakeAsync(_store);
        Contracts.Discharge.V1.SendAdmissionNoticeResponse? again = null;
        var retried = await CallOutcome.OfAsync(async () => again = await Client.SendAdmissionNoticeAsync(call.Request, options));
        if (!retried.IsOk) return $"accepted, but the identical retry was answered {retried}";
        if (!again!.Accepted.Replayed || again.Accepted.CaseId != first.Accepted.CaseId)
            return $"accepted as case {first.Accepted.CaseId}, but the retry answered case {again.Accepted.CaseId} (replayed {again.Accepted.Replayed})";
        if (before.ChangesTo(await StoreSnapshot.TakeAsync(_store)) is { Count: > 0 } retryChanges)
            return $"the identical retry wrote: {string.Join(", ", retryChanges.Take(10))}";

        var otherBody = call.Request.Clone();
        otherBody.EstimatedDischargeDate = BadInputGen.Date(DateTimeOffset.UtcNow.AddDays(20));
        var reused = await CallOutcome.OfAsync(async () => await Client.SendAdmissionNoticeAsync(otherBody, options));
        if (reused.IsOk) return "the same request_id with another body was accepted";
        if (reused.Violation(call.PersonalData()) is { } imprecise) return "the same request_id with another body: " + imprecise;
        if (before.ChangesTo(await StoreSnapshot.TakeAsync(_store)) is { Count: > 0 } reuseChanges)
            return $"the reused request_id was refused ({reused}) but wrote: {string.Join(", ", reuseChanges.Take(10))}";
        return null;
    }

    private async Task<CallOptions> CallerAsync(AdmissionCall call) =>
        call.CallerIsSystem ? await platform.AsSystemAsync(call.Caller) : await platform.AsUserAsync(call.Caller);

    // Drops corruptions one at a time while the property still fails, so the report names the ones
    // that matter. Each attempt is a fresh patient (another serial), so an earlier attempt's case
    // cannot turn the next one into AlreadyExists.
    private async Task<(AdmissionInput Input, string Violation)> ShrinkAsync(AdmissionInput failing, string violation)
    {
        var attempt = 0;
        var improved = true;
        while (improved)
        {
            improved = false;
            foreach (var fewer in BadInputGen.WithOneRemoved(failing.Corruptions))
            {
                var candidate = failing with { Corruptions = fewer, Serial = (failing.Serial + ++attempt) % 1000 };
                if ((await CheckAsync(candidate)).Violation is { } still)
                {
                    (failing, violation, improved) = (candidate, still, true);
                    break;
                }
            }
        }
        return (failing, violation);
    }
}
