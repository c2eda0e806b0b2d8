namespace Samverkan.AppHost.Platform;

public static class TelemetryPrivacyExtensions
{
    // Aspire turns these on for every resource in development. Query strings and message contents may
    // carry personal data, which must never reach telemetry (docs/privacy.md), not even locally.
    private static readonly string[] Withheld =
    [
        "OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION",
        "OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION",
        "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT",
    ];

    public static IDistributedApplicationBuilder KeepPersonalDataOutOfTelemetry(this IDistributedApplicationBuilder builder)
    {
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            foreach (var resource in @event.Model.Resources.OfType<IResourceWithEnvironment>())
            {
                // Runs after the callbacks that set them, which were added when the resource was.
                resource.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
                {
                    foreach (var name in Withheld)
                    {
                        context.EnvironmentVariables.Remove(name);
                    }
                }));
            }
            return Task.CompletedTask;
        });
        return builder;
    }
}
