using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Samverkan.ServiceCore.Commands;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Rules;
using Samverkan.Store;
using Samverkan.TestSupport.Store;

namespace Samverkan.ServiceCore.Tests.Commands;

// The pipeline on a real store: a counter document incremented by a command, so replays, refusals
// and lost races are visible as the document's value.
public sealed class CommandPipelineTests(StoreServerFixture store) : IClassFixture<StoreServerFixture>
{
    private static readonly CallerIdentity Caller =
        new("sub", "user", "portal", false, "2080", "2080", OrganisationKind.Municipality, "2080-soc", new HashSet<string>());

    [StoreFact]
    public async Task A_retry_with_the_same_request_id_is_answered_from_the_first_success_and_writes_nothing()
    {
        using var host = Start();
        var (pipeline, documents) = Parts(host);
        var key = new IdempotencyKey("r-1", "fp");

        var first = await pipeline.ExecuteAsync(new Increment(documents, Caller, key, "c1"), default);
        var retry = await pipeline.ExecuteAsync(new Increment(documents, Caller, key, "c1"), default);

        Assert.Equal(("1", false), (first.Value, first.Replayed));
        Assert.Equal(("1", true), (retry.Value, retry.Replayed));
        Assert.Equal("1", await ValueAsync(documents, "c1"));
    }

    [StoreFact]
    public async Task The_same_request_id_for_a_different_request_is_already_exists()
    {
        using var host = Start();
        var (pipeline, documents) = Parts(host);
        await pipeline.ExecuteAsync(new Increment(documents, Caller, new IdempotencyKey("r-1", "fp"), "c1"), default);

        var refused = await Assert.ThrowsAsync<RuleViolation>(() =>
            pipeline.ExecuteAsync(new Increment(documents, Caller, new IdempotencyKey("r-1", "other"), "c1"), default));

        Assert.Equal(ViolationKind.AlreadyExists, refused.Kind);
        Assert.Equal("1", await ValueAsync(documents, "c1"));
    }

    [StoreFact]
    public async Task A_version_conflict_is_retried_with_fresh_data()
    {
        using var host = Start();
        var (pipeline, documents) = Parts(host);
        // Another writer moves the document between this command's read and its commit, once.
        var command = new Increment(documents, Caller, new IdempotencyKey("r-2", "fp"), "c2", interfereOnce: true);

        var result = await pipeline.ExecuteAsync(command, default);

        Assert.Equal(2, command.Attempts);
        Assert.Equal("2", result.Value); // the interfering write (1) plus ours
        Assert.Equal("2", await ValueAsync(documents, "c2"));
    }

    [StoreFact]
    public async Task A_refused_step_writes_nothing_not_even_the_request_id()
    {
        using var host = Start();
        var (pipeline, documents) = Parts(host);
        var key = new IdempotencyKey("r-3", "fp");

        await Assert.ThrowsAsync<RuleViolation>(() => pipeline.ExecuteAsync(new Increment(documents, Caller, key, "c3", refuse: true), default));
        var after = await pipeline.ExecuteAsync(new Increment(documents, Caller, key, "c3"), default);

        Assert.Equal(("1", false), (after.Value, after.Replayed));
    }

    private IHost Start()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:store"] = store.Server.ConnectionString });
        builder.AddDocumentStore("sc" + Guid.NewGuid().ToString("N")[..12]);
        builder.AddCommandPipeline();
        return builder.Build();
    }

    private static (CommandPipeline, IDocumentStore) Parts(IHost host) =>
        (host.Services.GetRequiredService<CommandPipeline>(), host.Services.GetRequiredService<IDocumentStore>());

    private static async Task<string?> ValueAsync(IDocumentStore documents, string id) =>
        (await documents.GetAsync("counters", id)) is { } d ? System.Text.Encoding.UTF8.GetString(d.Data.Span) : null;

    private sealed record Counted(string Value, bool Replayed);

    private sealed class Increment(IDocumentStore documents, CallerIdentity caller, IdempotencyKey key, string id,
        bool interfereOnce = false, bool refuse = false) : Command<Counted>(caller, key, "Increment")
    {
        private bool _interfere = interfereOnce;

        public int Attempts { get; private set; }

        public override async Task<Attempt<Counted>> AttemptAsync(UnitOfWork work, CancellationToken cancellationToken)
        {
            Attempts++;
            if (refuse) throw RuleViolation.State("Refused by the test.");
            var current = await documents.GetAsync("counters", id, cancellationToken);
            var value = (current is null ? 0 : int.Parse(System.Text.Encoding.UTF8.GetString(current.Data.Span))) + 1;
            work.Put("counters", id, System.Text.Encoding.UTF8.GetBytes(value.ToString()), current?.Version ?? 0);
            if (_interfere)
            {
                _interfere = false;
                var interfering = new UnitOfWork();
                interfering.Put("counters", id, "1"u8.ToArray(), current?.Version ?? 0);
                await documents.CommitAsync(interfering, cancellationToken);
            }
            return Attempt.Commit(new Counted(value.ToString(), false), id);
        }

        public override async Task<Counted> ReplayAsync(string resultRef, CancellationToken cancellationToken) =>
            new((await ValueAsync(documents, resultRef))!, true);
    }
}
