using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Samverkan.Store;

// Exported by ServiceDefaults (everything under "Samverkan."). Tags carry keyspace and outcome only,
// never keys or ids: ids can be personal data.
internal static class StoreTelemetry
{
    public const string Name = "Samverkan.Store";

    public static readonly ActivitySource ActivitySource = new(Name);

    internal static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Commits = Meter.CreateCounter<long>(
        "samverkan.store.commits", description: "Unit-of-work commits by outcome.");

    public static readonly Counter<long> CommitRetries = Meter.CreateCounter<long>(
        "samverkan.store.commit_retries", description: "Commits re-checked after a WATCH race with a concurrent writer.");

    public static readonly Counter<long> ConsumedEntries = Meter.CreateCounter<long>(
        "samverkan.store.consumed_entries", description: "Channel entries handed to consumers (redeliveries included).");

    public static readonly Counter<long> TrimmedEntries = Meter.CreateCounter<long>(
        "samverkan.store.trimmed_entries", description: "Channel entries removed (behind every registered consumer, or by a retention rule).");
}
