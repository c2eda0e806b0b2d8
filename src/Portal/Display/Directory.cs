using Samverkan.SharedKernel.Directory;

namespace Samverkan.Portal.Display;

// The unit directory (deploy/directory/units.json, shipped beside the binaries) for names.
public static class PortalDirectory
{
    public static IServiceCollection AddPortalDirectory(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(_ => UnitDirectoryJson.Load(
            configuration["Portal:UnitDirectoryPath"] ?? Path.Combine(AppContext.BaseDirectory, "directory", "units.json")));

    public static string OrganisationName(this UnitDirectory directory, string? code) =>
        directory.FindOrganisation(code)?.Name ?? code ?? "okänd organisation";

    public static string UnitName(this UnitDirectory directory, string? id) =>
        directory.FindUnit(id)?.Name ?? id ?? "ingen enhet";
}
