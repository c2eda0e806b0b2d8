using System.Text.Json.Serialization;

namespace Samverkan.DischargeNotices.Application.Persistence;

// One delivery on an organisation's feed: a notice for one addressee unit. Carries references only;
// the subscriber's stream loads the notice from the case (no personal data in the channel).
// SentAt (unix seconds, the notice's recorded_at) is what feed retention ages entries by; entries
// written before it existed have none (FeedTrimScan explains how they are aged).
public sealed record FeedEntry(
    [property: JsonPropertyName("c")] string CaseId,
    [property: JsonPropertyName("s")] int Sequence,
    [property: JsonPropertyName("u")] string UnitId,
    [property: JsonPropertyName("t")] long? SentAt = null);
