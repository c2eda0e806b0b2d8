namespace Samverkan.AccessLogging;

// Every service appends its access records to the channel "audit" of its own keyspace, in the
// same commit as the change they describe. The access-log service consumes these channels,
// chains the records (hash chain) and serves review.
public static class AccessLogChannel
{
    public const string Name = "audit";
}
