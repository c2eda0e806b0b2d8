namespace Microsoft.Extensions.Hosting;

// Names under which platform code publishes its own meters and activity sources. ServiceDefaults
// subscribes to everything under these prefixes, so a service only has to create
// new Meter("Samverkan.DischargeNotices") to be exported.
public static class PlatformTelemetry
{
    public const string MeterPrefix = "Samverkan.";
    public const string ActivitySourcePrefix = "Samverkan.";
}
