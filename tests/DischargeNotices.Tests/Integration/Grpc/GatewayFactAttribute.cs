namespace Samverkan.DischargeNotices.Tests.Integration.Grpc;

// A test of something only the gateway does (its rate limits): skipped, visibly, when
// DischargePlatform.ThroughGateway is switched off.
public sealed class GatewayFactAttribute : FactAttribute
{
    public GatewayFactAttribute()
    {
        if (!DischargePlatform.ThroughGateway) Skip = "Needs the gateway (DischargePlatform.ThroughGateway is false).";
    }
}
