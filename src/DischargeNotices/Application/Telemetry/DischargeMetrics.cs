using Samverkan.ServiceCore.Errors;
using System.Diagnostics.Metrics;

namespace Samverkan.DischargeNotices.Application.Telemetry;

// Counts only, with bounded labels (notice kind, deadline kind, organisation code, operation,
// status): never ids of individuals or anything personal (docs/privacy.md).
public sealed class DischargeMetrics : IRejectionObserver, IDisposable
{
    public const string MeterName = "Samverkan.DischargeNotices";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _notices;
    private readonly Counter<long> _acknowledgements;
    private readonly Counter<long> _breaches;
    private readonly Counter<long> _replays;
    private readonly Counter<long> _rejections;
    private readonly UpDownCounter<long> _subscribers;
    private readonly Histogram<double> _fanOutDelay;

    public DischargeMetrics()
    {
        _notices = _meter.CreateCounter<long>("samverkan.discharge.notices", "{notice}", "Notices accepted, by kind and sending organisation.");
        _acknowledgements = _meter.CreateCounter<long>("samverkan.discharge.acknowledgements", "{acknowledgement}", "Notices acknowledged by a recipient unit, by the recipient's organisation.");
        _breaches = _meter.CreateCounter<long>("samverkan.discharge.deadline_breaches", "{breach}", "Deadlines found missed, by deadline kind and responsible organisation.");
        _replays = _meter.CreateCounter<long>("samverkan.discharge.replays", "{request}", "Retried requests answered from their idempotency key.");
        _rejections = _meter.CreateCounter<long>("samverkan.discharge.rejections", "{request}", "Requests refused, by operation and gRPC status.");
        _subscribers = _meter.CreateUpDownCounter<long>("samverkan.discharge.subscribers", "{stream}", "Open notice subscription streams.");
        _fanOutDelay = _meter.CreateHistogram<double>("samverkan.discharge.fanout.delay", "ms", "From a notice being recorded to its delivery on a subscription stream.");
    }

    // organisation: the organisation code of the sender (notices) or of the acknowledging unit.
    public void NoticeAccepted(NoticeKind kind, string organisation) => _notices.Add(1,
        new KeyValuePair<string, object?>("kind", kind.ToString()),
        new KeyValuePair<string, object?>("organisation", organisation));

    public void Acknowledged(string organisation) => _acknowledgements.Add(1, new KeyValuePair<string, object?>("organisation", organisation));

    public void DeadlineBreached(DeadlineKind kind, string responsibleOrganisation) => _breaches.Add(1,
        new KeyValuePair<string, object?>("deadline", kind.ToString()),
        new KeyValuePair<string, object?>("responsible_organisation", responsibleOrganisation));

    public void Replayed(string operation) => _replays.Add(1, new KeyValuePair<string, object?>("operation", operation));

    public void Rejected(string operation, string status) => _rejections.Add(1,
        new KeyValuePair<string, object?>("operation", operation),
        new KeyValuePair<string, object?>("status", status));

    public void SubscriberConnected() => _subscribers.Add(1);

    public void SubscriberDisconnected() => _subscribers.Add(-1);

    public void Delivered(TimeSpan sinceRecorded) => _fanOutDelay.Record(Math.Max(0, sinceRecorded.TotalMilliseconds));

    // Everything a committed step changed, counted once (commits are atomic, so at most once).
    public void Committed(IEnumerable<CaseEvent> newEvents)
    {
        foreach (var @event in newEvents)
        {
            switch (@event)
            {
                case NoticeEvent notice: NoticeAccepted(notice.Kind, notice.Actor.OrganisationCode); break;
                case NoticeAcknowledged acknowledged: Acknowledged(acknowledged.Actor.OrganisationCode); break;
                case DeadlineBreached breach: DeadlineBreached(breach.Kind, breach.ResponsibleOrganisation); break;
            }
        }
    }

    public void Dispose() => _meter.Dispose();
}
