namespace Samverkan.Gateway.Security;

// "Gateway:Authorization" in configuration:
// { "Policies": { "sip-plans-caller": { "AnyRealmRole": ["sip-participant", "analyst"] } } }
// A route names its policy in ReverseProxy:Routes:{id}:AuthorizationPolicy.
public sealed class GatewayAuthorizationOptions
{
    public const string SectionName = "Gateway:Authorization";

    public Dictionary<string, GatewayPolicyOptions> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
