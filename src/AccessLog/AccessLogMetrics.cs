using System.Buffers.Binary;
using System.Diagnostics.Metrics;
using Samverkan.AccessLog.Chain;

namespace Samverkan.AccessLog;

// Operations telemetry of the access log. Labels are bounded vocabularies only (source keyspace).
public sealed class AccessLogMetrics
{
    public const string MeterName = "Samverkan.AccessLog";

    private readonly Counter<long> _chained;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _malformed;
    private readonly Counter<long> _flagged;
    private readonly Counter<long> _reviews;
    private long _headSequence;
    private long _headHashPrefix;

    public AccessLogMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _chained = meter.CreateCounter<long>("samverkan.access_log.records.chained", "{record}", "Access records appended to the hash chain.");
        _duplicates = meter.CreateCounter<long>("samverkan.access_log.records.duplicates", "{record}", "Access records delivered again and not chained twice.");
        _malformed = meter.CreateCounter<long>("samverkan.access_log.records.malformed", "{record}", "Channel entries that are not access records (chained unindexed).");
        // Review work coming in and done: the review backlog is what was flagged and not yet reviewed.
        _flagged = meter.CreateCounter<long>("samverkan.access_log.records.flagged", "{record}",
            "Chained access records carrying a review flag, by flag and the accessing organisation (which reviews them).");
        _reviews = meter.CreateCounter<long>("samverkan.access_log.reviews", "{review}", "Access reviews recorded, by organisation and outcome.");
        meter.CreateObservableGauge("samverkan.access_log.chain.head_sequence", () => Volatile.Read(ref _headSequence), "{entry}",
            "Sequence of the newest chain entry.");
        // The first 8 bytes of the head hash as a signed number: lets an external monitor keep a
        // history of published heads from metrics alone (the full hash is in the operations log).
        meter.CreateObservableGauge("samverkan.access_log.chain.head_hash_prefix", () => Volatile.Read(ref _headHashPrefix), null,
            "First 8 bytes of the newest chain entry's SHA-256 hash, big-endian.");
    }

    public void Chained(string source, int chained, int duplicates, ChainPosition head)
    {
        var tag = new KeyValuePair<string, object?>("source", source);
        if (chained > 0) _chained.Add(chained, tag);
        if (duplicates > 0) _duplicates.Add(duplicates, tag);
        Head(head);
    }

    public void Flagged(IEnumerable<Contracts.Audit.V1.AccessRecord> records)
    {
        foreach (var record in records)
        {
            if (!AccessIndexes.IsKeySafe(record.OrganisationCode)) continue;
            foreach (var flag in AccessFlags.Of(record))
            {
                _flagged.Add(1, new KeyValuePair<string, object?>("flag", FlagName(flag)),
                    new KeyValuePair<string, object?>("organisation", record.OrganisationCode));
            }
        }
    }

    public void Reviewed(string organisation, Contracts.Audit.V1.ReviewOutcome outcome) => _reviews.Add(1,
        new KeyValuePair<string, object?>("organisation", organisation),
        new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    private static string FlagName(Contracts.Audit.V1.AccessFlag flag) => flag switch
    {
        Contracts.Audit.V1.AccessFlag.OutsideOwnUnit => "outside_own_unit",
        Contracts.Audit.V1.AccessFlag.OutsideOwnOrganisation => "outside_own_organisation",
        Contracts.Audit.V1.AccessFlag.ProtectedIdentity => "protected_identity",
        _ => "other",
    };

    public void Malformed(string source) => _malformed.Add(1, new KeyValuePair<string, object?>("source", source));

    public void Head(ChainPosition head)
    {
        Volatile.Write(ref _headSequence, head.Sequence);
        Volatile.Write(ref _headHashPrefix, BinaryPrimitives.ReadInt64BigEndian(head.Hash.Span));
    }
}
