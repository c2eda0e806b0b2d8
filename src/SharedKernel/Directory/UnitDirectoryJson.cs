using System.Text.Json;

namespace Samverkan.SharedKernel.Directory;

// Reads the unit directory file (deploy/directory/units.json). Unknown kinds are an error, not a
// silent skip: a unit the platform cannot classify must not receive personal data.
public static class UnitDirectoryJson
{
    public static UnitDirectory Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    public static UnitDirectory Read(Stream json)
    {
        var file = JsonSerializer.Deserialize(json, UnitDirectoryJsonContext.Default.UnitDirectoryFile)
            ?? throw new InvalidDataException("The unit directory file is empty.");
        return new UnitDirectory(file.Organisations.Select(ToOrganisation));
    }

    private static DirectoryOrganisation ToOrganisation(OrganisationEntry entry)
    {
        var kind = entry.Kind switch
        {
            "municipality" => PrincipalKind.Municipality,
            "region" => PrincipalKind.Region,
            _ => throw new InvalidDataException($"Organisation {entry.Code} has unknown kind '{entry.Kind}'."),
        };
        var units = entry.Units.Select(u => new DirectoryUnit(u.Id, u.Name, ToUnitKind(u), entry.Code, u.ServesMunicipality)).ToList();
        return new DirectoryOrganisation(entry.Code, entry.Alias, entry.Name, kind, units);
    }

    private static UnitKind ToUnitKind(UnitEntry unit) => unit.Kind switch
    {
        "inpatient" => UnitKind.Inpatient,
        "outpatient" => UnitKind.Outpatient,
        "social-services" => UnitKind.SocialServices,
        "municipal-health-care" => UnitKind.MunicipalHealthCare,
        "relative-support" => UnitKind.RelativeSupport,
        "personal-ombudsman" => UnitKind.PersonalOmbudsman,
        _ => throw new InvalidDataException($"Unit {unit.Id} has unknown kind '{unit.Kind}'."),
    };
}
