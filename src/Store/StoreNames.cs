namespace Samverkan.Store;

// Key segments that are followed by another segment (collection, channel, scope, consumer service)
// must not contain ':' or the layout becomes ambiguous: collection "a:b" + id "c" would be the same
// key as collection "a" + id "b:c". The last segment of a key (document id, index name, idempotency
// key, consumer name) may contain anything: only the first "{...}" of a key is its hash tag.
public static class StoreNames
{
    public static string Segment(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.AsSpan().IndexOfAny(":{} \r\n") >= 0)
        {
            throw new ArgumentException($"A {what} is a non-empty name without ':', braces or whitespace (got '{value}').", what);
        }
        return value;
    }

    public static string LastSegment(string value, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"A {what} is a non-empty value.", what);
        }
        return value;
    }
}
