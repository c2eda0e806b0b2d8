namespace Samverkan.SharedKernel.Directory;

// A unit (enhet) of one organisation. ServesMunicipality is set for outpatient units that serve
// the residents of one municipality (a hälsocentral), and is the basis for routing.
public sealed record DirectoryUnit(
    string Id,
    string Name,
    UnitKind Kind,
    string OrganisationCode,
    string? ServesMunicipality);
