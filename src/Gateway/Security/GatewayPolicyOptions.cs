namespace Samverkan.Gateway.Security;

public sealed class GatewayPolicyOptions
{
    public List<string> AnyRealmRole { get; set; } = [];
}
