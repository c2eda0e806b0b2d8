using System.Text.Json.Serialization;

namespace Samverkan.DischargeNotices.Domain.Events;

// An event that is a notice to other units: delivered to their inboxes and feeds and acknowledged
// by each addressee. Acknowledgements are separate events; an unacknowledged notice blocks nothing.
public abstract record NoticeEvent : CaseEvent
{
    // The unit ids the notice was addressed to, fixed when it was sent.
    public required IReadOnlyList<string> Addressees { get; init; }

    [JsonIgnore]
    public abstract NoticeKind Kind { get; }
}
