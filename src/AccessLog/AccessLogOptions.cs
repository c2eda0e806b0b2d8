namespace Samverkan.AccessLog;

// "AccessLog": { "Sources": ["discharge", "sip", "relatives", "ombud", "access-log"], ... }
public sealed class AccessLogOptions
{
    public const string SectionName = "AccessLog";

    // Keyspaces whose "audit" channel is collected. The access log's own keyspace is one of them:
    // review queries are accesses too.
    public List<string> Sources { get; set; } = [];

    // Name under which the consumer positions are kept in the {access-log} keyspace.
    public string ConsumerName { get; set; } = "access-log";

    // Records chained per commit.
    public int BatchSize { get; set; } = 200;

    // How long a record id is remembered to drop a record delivered twice. Redelivery after a
    // committed position cannot happen; this catches a producer that appended the same record
    // twice (a retried commit), which happens within seconds.
    public TimeSpan RecordIdRetention { get; set; } = TimeSpan.FromDays(7);

    // How often the access log's own audit channel is trimmed down to what was collected.
    public TimeSpan OwnAuditTrimInterval { get; set; } = TimeSpan.FromMinutes(10);

    // How often the chain head is published to the operations log and metrics.
    public TimeSpan HeadPublishInterval { get; set; } = TimeSpan.FromMinutes(15);

    // Minimum retention of the log (PDL, HSLF-FS 2016:40: at least five years). Nothing is ever
    // removed by the service; see docs/access-log.md for how an operator may remove older entries.
    public int RetentionYears { get; set; } = 5;
}
