namespace Samverkan.SharedKernel.Directory;

// A principal (huvudman): a municipality by its SCB code ("2080") or the region by the county code ("20").
public sealed record DirectoryOrganisation(
    string Code,
    string Alias,
    string Name,
    PrincipalKind Kind,
    IReadOnlyList<DirectoryUnit> Units);
