namespace Samverkan.Store;

// Key naming: every key of a service starts with its hash tag "{service}", so all keys a service
// touches together map to one Redis Cluster slot. Layout (documented in docs/store.md):
//   {svc}:doc:{collection}:{id}           hash  { v: version, d: data }
//   {svc}:idx:{index}                      sorted set
//   {svc}:ch:{channel}                     list of entries; {svc}:ch:{channel}:base = count trimmed
//   {svc}:ch:{channel}:consumers           set of the position keys of the registered consumers
//   {svc}:idem:{scope}:{key}               string resultId, with expiry
//   {svc}:pos:{producer}:{channel}:{name}  consumer position on another service's channel
// Segments followed by another segment (collection, channel, scope) may not contain ':' (StoreNames).
public sealed class StoreKeyspace
{
    public StoreKeyspace(string service)
    {
        if (string.IsNullOrWhiteSpace(service) || service.IndexOfAny(['{', '}', ':', ' ']) >= 0)
        {
            throw new ArgumentException("A keyspace name is a non-empty word without braces, colons or spaces.", nameof(service));
        }
        Service = service;
        HashTag = "{" + service + "}";
    }

    public string Service { get; }

    public string HashTag { get; }

    public string Document(string collection, string id) =>
        $"{HashTag}:doc:{StoreNames.Segment(collection, "collection")}:{StoreNames.LastSegment(id, "document id")}";

    public string Index(string index) => $"{HashTag}:idx:{StoreNames.LastSegment(index, "index name")}";

    public string Channel(string channel) => ChannelKey(new ChannelAddress(Service, channel));

    public string ChannelBase(string channel) => ChannelBaseKey(new ChannelAddress(Service, channel));

    public string Idempotency(string scope, string key) =>
        $"{HashTag}:idem:{StoreNames.Segment(scope, "idempotency scope")}:{StoreNames.LastSegment(key, "idempotency key")}";

    public string ConsumerPosition(ChannelAddress channel, string consumer) =>
        $"{HashTag}:pos:{StoreNames.Segment(channel.Service, "channel service")}:{StoreNames.Segment(channel.Channel, "channel name")}:{StoreNames.LastSegment(consumer, "consumer name")}";

    public static string ChannelKey(ChannelAddress channel) =>
        "{" + StoreNames.Segment(channel.Service, "channel service") + "}:ch:" + StoreNames.Segment(channel.Channel, "channel name");

    public static string ChannelBaseKey(ChannelAddress channel) => ChannelKey(channel) + ":base";

    // The consumers a trimmer must wait for: a set of consumer position keys (which live in the
    // consumers' own keyspaces).
    public static string ChannelConsumersKey(ChannelAddress channel) => ChannelKey(channel) + ":consumers";

    // Pub/sub channel on which commits announce new entries (a wake-up only; the list is the truth).
    public static string ChannelNotification(ChannelAddress channel) => ChannelKey(channel) + ":notify";
}
