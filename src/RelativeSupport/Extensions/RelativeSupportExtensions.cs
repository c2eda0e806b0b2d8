using Samverkan.RelativeSupport.Application;
using Samverkan.SharedKernel.Directory;

namespace Microsoft.Extensions.Hosting;

public static class RelativeSupportExtensions
{
    // The relative support service's own parts: options, unit directory, store, access, commands, queries.
    public static IHostApplicationBuilder AddRelativeSupport(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RelativeSupportOptions>().BindConfiguration(RelativeSupportOptions.SectionName)
            .Validate(o => o.SuppressionThreshold >= 2, "RelativeSupport:SuppressionThreshold must be at least 2.")
            .ValidateOnStart();
        builder.AddUnitDirectory($"{RelativeSupportOptions.SectionName}:UnitDirectoryPath");
        services.AddSingleton<RelativeStore>();
        services.AddSingleton<RelativeAccess>();
        services.AddSingleton<RelativeAuditor>();
        services.AddSingleton<RelativeCommands>();
        services.AddSingleton<RelativeQueries>();
        return builder;
    }
}
