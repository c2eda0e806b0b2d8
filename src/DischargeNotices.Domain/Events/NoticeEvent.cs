using System.Text.Json.Serialization;

namespace Samverkan.DischargeNotices.Domain.Events;

// An event that is a notice to other units: delivered to their inboxes and feeds and acknowledged
// by each addressee. Acknowledgements are separate events; an unacknowledged notice blocks nothing.
public abstract record NoticeEvent : CaseEvent
{
    // The unit ids the notice was addressed to, fixed when it was sent.
    public required IReadOnlyList<string> Addressees { get; init; }

    // Set when the notice was given by telephone before it was recorded (during an outage).
    public TelephoneNotice? Telephone { get; init; }

    // When the recipients were told: the call, or else the recording. Deadlines and payment use it.
    [JsonIgnore]
    public DateTimeOffset SentAt => Telephone?.GivenAt ?? RecordedAt;

    [JsonIgnore]
    public abstract NoticeKind Kind { get; }
}
