using System.Text.Json.Serialization;

namespace Samverkan.DischargeNotices.Application.Persistence;

// One delivery on an organisation's feed: a notice for one addressee unit. Carries references only;
// the subscriber's stream loads the notice from the case (no personal data in the channel).
public sealed record FeedEntry(
    [property: JsonPropertyName("c")] string CaseId,
    [property: JsonPropertyName("s")] int Sequence,
    [property: JsonPropertyName("u")] string UnitId);
