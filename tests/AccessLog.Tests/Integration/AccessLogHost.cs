using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Samverkan.AccessLog.Tests.Fakes;

namespace Samverkan.AccessLog.Tests.Integration;

// The access log's collection side (store, consumers, chain) as the service composes it, in
// process, against a real store. Started, it runs the real channel consumers.
public static class AccessLogHost
{
    public static IHost Build(string connectionString, params string[] sources)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:store"] = connectionString,
            ["AccessLogging:PersonReferenceKey"] = AccessLogParts.TestKey,
            ["AccessLog:BatchSize"] = "50",
            ["AccessLog:HeadPublishInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        for (var i = 0; i < sources.Length; i++) settings[$"AccessLog:Sources:{i}"] = sources[i];
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddDocumentStore("access-log");
        builder.AddAccessLogging();
        builder.AddAccessLogServices();
        return builder.Build();
    }

    public static T Get<T>(this IHost host) where T : notnull => host.Services.GetRequiredService<T>();
}
