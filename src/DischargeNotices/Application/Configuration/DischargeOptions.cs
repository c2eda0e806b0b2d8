namespace Samverkan.DischargeNotices.Application.Configuration;

// Section "Discharge" of appsettings.json.
public sealed class DischargeOptions
{
    public const string SectionName = "Discharge";

    // The unit directory file; absolute or relative to the content root. Unset: the copy of
    // deploy/directory/units.json that the build places next to the service's binaries.
    public string? UnitDirectoryPath { get; set; }

    // A stated time later than now + this is "in the future" (absorbs clock skew between systems).
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    // An idle subscription stream sends a heartbeat this often (below proxies' idle timeouts, e.g. YARP's 100 s).
    public TimeSpan SubscriptionHeartbeat { get; set; } = TimeSpan.FromSeconds(30);

    // How often the deadline monitor looks for deadlines that have just passed.
    public TimeSpan DeadlineMonitorInterval { get; set; } = TimeSpan.FromMinutes(1);

    public DeadlinePolicy Deadlines { get; set; } = new();

    public IndicatorOptions Indicators { get; set; } = new();
}

// Section "Discharge:Indicators".
public sealed class IndicatorOptions
{
    // Counts from 1 to this value minus one are suppressed in published indicators (verify with the county).
    public int SuppressionThreshold { get; set; } = SmallCounts.DefaultThreshold;
}
