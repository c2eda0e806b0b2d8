using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Samverkan.AccessLogging;

namespace Microsoft.Extensions.Hosting;

public static class AccessLoggingExtensions
{
    // Requires the service's IDocumentStore (AddDocumentStore) to be registered.
    public static TBuilder AddAccessLogging<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
#if BENCHMARK_WITHOUT_ACCESS_RECORDS
        Console.Error.WriteLine("BENCHMARK BUILD: this service writes NO access records. Never deploy it.");
#endif
        builder.Services.AddOptions<AccessLoggingOptions>()
            .Bind(builder.Configuration.GetSection(AccessLoggingOptions.SectionName))
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.ServiceName))
                {
                    options.ServiceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
                }
            })
            // Every service records access: without the person-reference key fail at start, not at the first call.
            .Validate(o => !string.IsNullOrWhiteSpace(o.PersonReferenceKey),
                "Configuration missing value for: AccessLogging:PersonReferenceKey (base64, >= 32 bytes, the same on every service).")
            .ValidateOnStart();
        builder.Services.AddSingleton<PersonReferences>();
        builder.Services.AddSingleton<AccessRecorder>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
