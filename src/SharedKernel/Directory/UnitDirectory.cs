namespace Samverkan.SharedKernel.Directory;

// The platform's reference data of organisations and units: answers "does this unit exist, whose
// is it, what kind is it" and "which unit of this kind serves this municipality".
public sealed class UnitDirectory
{
    private readonly Dictionary<string, DirectoryOrganisation> _organisations;
    private readonly Dictionary<string, DirectoryUnit> _units;

    public UnitDirectory(IEnumerable<DirectoryOrganisation> organisations)
    {
        _organisations = new Dictionary<string, DirectoryOrganisation>(StringComparer.Ordinal);
        _units = new Dictionary<string, DirectoryUnit>(StringComparer.Ordinal);
        foreach (var organisation in organisations)
        {
            if (!_organisations.TryAdd(organisation.Code, organisation))
            {
                throw new ArgumentException($"Organisation code {organisation.Code} is listed twice.", nameof(organisations));
            }
            foreach (var unit in organisation.Units)
            {
                if (unit.OrganisationCode != organisation.Code)
                {
                    throw new ArgumentException($"Unit {unit.Id} is listed under {organisation.Code} but claims {unit.OrganisationCode}.", nameof(organisations));
                }
                if (!_units.TryAdd(unit.Id, unit))
                {
                    throw new ArgumentException($"Unit id {unit.Id} is listed twice.", nameof(organisations));
                }
            }
        }
    }

    public IReadOnlyCollection<DirectoryOrganisation> Organisations => _organisations.Values;

    public DirectoryOrganisation? FindOrganisation(string? code) =>
        code is not null && _organisations.TryGetValue(code, out var organisation) ? organisation : null;

    public DirectoryUnit? FindUnit(string? id) =>
        id is not null && _units.TryGetValue(id, out var unit) ? unit : null;

    public DirectoryOrganisation? FindMunicipality(string? code) =>
        FindOrganisation(code) is { Kind: PrincipalKind.Municipality } municipality ? municipality : null;

    // The municipalities a statistics request names (field municipality_codes), in the order named;
    // none named = every municipality by code. An unknown code is INVALID_ARGUMENT.
    public IReadOnlyList<DirectoryOrganisation> SelectMunicipalities(IReadOnlyList<string> codes)
    {
        const string field = "municipality_codes";
        var all = _organisations.Values.Where(o => o.Kind == PrincipalKind.Municipality).OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
        if (codes.Count == 0) return all;
        if (codes.Count > all.Count) throw Rules.RuleViolation.Invalid(field, $"At most {all.Count} municipality codes.");
        return codes.Distinct(StringComparer.Ordinal).Select(code => FindMunicipality(code)
            ?? throw Rules.RuleViolation.Invalid(field, $"{Text.EchoedInput.Quote(code)} is not a municipality code in the unit directory.")).ToList();
    }

    // The units of one kind in one organisation, in directory order.
    public IReadOnlyList<DirectoryUnit> UnitsOf(string organisationCode, UnitKind kind) =>
        FindOrganisation(organisationCode)?.Units.Where(u => u.Kind == kind).ToList() ?? [];

    // Region units of a kind that serve the residents of a municipality (e.g. its hälsocentral).
    public IReadOnlyList<DirectoryUnit> UnitsServing(string municipalityCode, UnitKind kind) =>
        _units.Values.Where(u => u.Kind == kind && u.ServesMunicipality == municipalityCode).ToList();
}
