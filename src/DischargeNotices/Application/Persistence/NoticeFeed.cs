using System.Text.Json;

namespace Samverkan.DischargeNotices.Application.Persistence;

public static class NoticeFeed
{
    public static byte[] Serialize(FeedEntry entry) => JsonSerializer.SerializeToUtf8Bytes(entry, DischargeJsonContext.Default.FeedEntry);

    public static FeedEntry Deserialize(ReadOnlyMemory<byte> payload) =>
        JsonSerializer.Deserialize(payload.Span, DischargeJsonContext.Default.FeedEntry)
        ?? throw new InvalidDataException("Empty feed entry.");
}
