using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Samverkan.PersonalOmbudsmen.Application;
using Samverkan.PersonalOmbudsmen.Application.Access;
using Samverkan.PersonalOmbudsmen.Application.Auditing;
using Samverkan.PersonalOmbudsmen.Application.Commands;
using Samverkan.PersonalOmbudsmen.Application.Deficiencies;
using Samverkan.PersonalOmbudsmen.Application.Persistence;
using Samverkan.PersonalOmbudsmen.Application.Queries;
using Samverkan.PersonalOmbudsmen.Application.Shredding;
using Samverkan.SharedKernel.Directory;

namespace Microsoft.Extensions.Hosting;

// Everything the personal ombudsmen service adds to ServiceCore. Configuration section
// "PersonalOmbudsmen" (OmbudOptions) with its "KeyEncryption" part (the KEKs; the service refuses to
// start without an active one: without it nothing could be written, and nothing may be written unsealed).
public static class PersonalOmbudsmenExtensions
{
    public static TBuilder AddPersonalOmbudsmen<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        services.AddOptions<OmbudOptions>()
            .Bind(builder.Configuration.GetSection(OmbudOptions.SectionName))
            .Validate(o => o.SuppressionThreshold >= 2 && o.KeyRewrapInterval > TimeSpan.Zero,
                "PersonalOmbudsmen: SuppressionThreshold must be at least 2 and KeyRewrapInterval positive.")
            .ValidateOnStart();
        services.AddOptions<KeyEncryptionOptions>().Bind(builder.Configuration.GetSection(KeyEncryptionOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        builder.AddUnitDirectory($"{OmbudOptions.SectionName}:{nameof(OmbudOptions.UnitDirectoryPath)}");
        services.AddSingleton<KeyRing>();
        services.AddSingleton<OmbudAccess>();
        services.AddSingleton<AssignmentAuditor>();
        services.AddSingleton<AssignmentRepository>();
        services.AddSingleton<DeficiencyRepository>();
        services.AddSingleton<AssignmentServices>();
        services.AddSingleton<RequestFingerprints>();
        services.AddSingleton<AssignmentCommands>();
        services.AddSingleton<AssignmentQueries>();
        services.AddSingleton<DeficiencyCommands>();
        services.AddSingleton<FollowUpQueries>();
        services.AddSingleton<DataKeyRewrap>();
        services.AddHostedService<KeyRewrapService>();
        // Fail at start, not at the first call, when the KEKs are missing or malformed.
        services.AddHostedService(sp => new StartupCheck(sp.GetRequiredService<KeyRing>()));
        return builder;
    }

    private sealed class StartupCheck(KeyRing ring) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromResult(ring.ActiveKeyId);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
