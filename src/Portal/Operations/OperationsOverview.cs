namespace Samverkan.Portal.Operations;

// What the operations page shows, read from Prometheus with the same expressions as the alert rules
// (deploy/prometheus/alerts.yml) and the platform dashboard, so the page, the alerts and Grafana agree.
public sealed record OperationsOverview(
    IReadOnlyList<ServiceStatus> Services,
    IReadOnlyList<FiringAlert> Alerts,
    IReadOnlyList<DeadlineBreaches> Breaches,
    IReadOnlyList<ConsumerLagRow> Lag,
    DateTimeOffset ReadAt)
{
    public const string Up = "up";
    public const string RequestRate = "sum by (job) (rate(http_server_request_duration_seconds_count[5m]))";
    public const string ErrorRatio =
        "sum by (job) (rate(http_server_request_duration_seconds_count{http_response_status_code=~\"5..\"}[5m]) " +
        "or rate(http_server_request_duration_seconds_count{grpc_status=~\"2|4|13|14|15\"}[5m])) " +
        "/ sum by (job) (rate(http_server_request_duration_seconds_count[5m]))";
    public const string LatencyP95 =
        "histogram_quantile(0.95, sum by (job, le) (rate(http_server_request_duration_seconds_bucket{http_route!~\".*Subscribe.*\"}[5m])))";
    public const string FiringAlerts = "ALERTS{alertstate=\"firing\"}";
    public const string BreachesLastDay = "sum by (responsible_organisation, deadline) (increase(samverkan_discharge_deadline_breaches_total[24h]))";
    public const string ConsumerLag = "max by (job, channel, consumer) (samverkan_events_consumer_lag)";

    public static async Task<OperationsOverview> ReadAsync(PrometheusClient prometheus, TimeProvider time, CancellationToken cancellationToken)
    {
        // Sequential: seven small queries; a failure of the first says "not reachable" at once.
        var up = await prometheus.QueryAsync(Up, cancellationToken);
        var rate = ByJob(await prometheus.QueryAsync(RequestRate, cancellationToken));
        var errors = ByJob(await prometheus.QueryAsync(ErrorRatio, cancellationToken));
        var p95 = ByJob(await prometheus.QueryAsync(LatencyP95, cancellationToken));
        var alerts = await prometheus.QueryAsync(FiringAlerts, cancellationToken);
        var breaches = await prometheus.QueryAsync(BreachesLastDay, cancellationToken);
        var lag = await prometheus.QueryAsync(ConsumerLag, cancellationToken);

        var services = up.GroupBy(s => s.Label("job"))
            .Select(g => new ServiceStatus(g.Key, g.All(s => s.Value == 1), g.Count(s => s.Value == 1), g.Count(),
                rate.GetValueOrDefault(g.Key), errors.GetValueOrDefault(g.Key), p95.GetValueOrDefault(g.Key)))
            .OrderBy(s => s.Job, StringComparer.Ordinal)
            .ToList();
        return new OperationsOverview(
            services,
            [.. alerts.Select(a => new FiringAlert(a.Label("alertname"), a.Label("job"), a.Label("severity"))).OrderBy(a => a.Name, StringComparer.Ordinal)],
            [.. breaches.Where(b => b.Value > 0).Select(b => new DeadlineBreaches(b.Label("responsible_organisation"), b.Label("deadline"), b.Value))
                .OrderByDescending(b => b.Count)],
            [.. lag.Select(l => new ConsumerLagRow(l.Label("job"), l.Label("channel"), l.Label("consumer"), l.Value)).OrderByDescending(l => l.Entries)],
            time.GetUtcNow());
    }

    private static Dictionary<string, double?> ByJob(IEnumerable<PrometheusSample> samples) =>
        samples.GroupBy(s => s.Label("job")).ToDictionary(g => g.Key, g => double.IsNaN(g.First().Value) ? null : (double?)g.First().Value);
}

public sealed record ServiceStatus(string Job, bool AllUp, int InstancesUp, int Instances, double? RequestsPerSecond, double? ErrorRatio, double? LatencyP95Seconds);

public sealed record FiringAlert(string Name, string Job, string Severity);

public sealed record DeadlineBreaches(string Organisation, string Deadline, double Count);

public sealed record ConsumerLagRow(string Job, string Channel, string Consumer, double Entries);
