using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Samverkan.Gateway.Proxy;

// Expands cluster destinations written as service names ("http://discharge-notices") into the
// endpoints Microsoft.Extensions.ServiceDiscovery finds for them: the services__{name}__{scheme}__{i}
// settings an Aspire AppHost injects, else DNS (pass-through). Stands in for
// Microsoft.Extensions.ServiceDiscovery.Yarp, which is not available here. YARP re-resolves when
// the returned change token fires (configuration reload).
public sealed partial class ServiceDiscoveryDestinationResolver(
    ServiceEndpointResolver resolver,
    ILogger<ServiceDiscoveryDestinationResolver> logger) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase);
        var changeTokens = new List<IChangeToken>();

        foreach (var (id, destination) in destinations)
        {
            if (!ServiceAddress.TryParse(destination.Address, out var service))
            {
                resolved[id] = destination;
                continue;
            }

            var source = await resolver.GetEndpointsAsync(service.Query, cancellationToken);
            changeTokens.Add(source.ChangeToken);
            foreach (var endpoint in source.Endpoints)
            {
                var address = service.AddressOf(endpoint.EndPoint);
                resolved[$"{id}[{address}]"] = destination with { Address = address };
            }
            if (source.Endpoints.Count == 0)
            {
                LogNoEndpoints(service.ServiceName);
            }
        }

        return new ResolvedDestinationCollection(resolved, changeTokens.Count > 0 ? new CompositeChangeToken(changeTokens) : null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service discovery found no endpoint for '{Service}'; its routes answer Unavailable until it does")]
    private partial void LogNoEndpoints(string service);
}
