namespace Samverkan.Store;

// Key naming: every key of a service starts with its hash tag "{service}", so all keys a service
// touches together map to one Redis Cluster slot. Layout (documented in docs/store.md):
//   {svc}:doc:{collection}:{id}           hash  { v: version, d: data }
//   {svc}:idx:{index}                      sorted set
//   {svc}:ch:{channel}                     list of entries; {svc}:ch:{channel}:base = count trimmed
//   {svc}:idem:{scope}:{key}               string resultId, with expiry
//   {svc}:pos:{producer}:{channel}:{name}  consumer position on another service's channel
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

    public string Document(string collection, string id) => $"{HashTag}:doc:{collection}:{id}";

    public string Index(string index) => $"{HashTag}:idx:{index}";

    public string Channel(string channel) => $"{HashTag}:ch:{channel}";

    public string ChannelBase(string channel) => $"{HashTag}:ch:{channel}:base";

    public string Idempotency(string scope, string key) => $"{HashTag}:idem:{scope}:{key}";

    public string ConsumerPosition(ChannelAddress channel, string consumer) =>
        $"{HashTag}:pos:{channel.Service}:{channel.Channel}:{consumer}";

    public static string ChannelKey(ChannelAddress channel) => "{" + channel.Service + "}:ch:" + channel.Channel;

    public static string ChannelBaseKey(ChannelAddress channel) => ChannelKey(channel) + ":base";

    // Pub/sub channel on which commits announce new entries (a wake-up only; the list is the truth).
    public static string ChannelNotification(ChannelAddress channel) => ChannelKey(channel) + ":notify";
}
