using System.Text.Json;

namespace Samverkan.AccessLog.Directory;

// The platform's unit directory (deploy/directory/units.json): names of organisations and units
// for the Swedish log extract, and which organisation a unit belongs to.
public sealed class UnitDirectory
{
    private readonly Dictionary<string, DirectoryOrganisation> _organisations;
    private readonly Dictionary<string, DirectoryUnit> _units;

    public UnitDirectory(IEnumerable<DirectoryOrganisation> organisations)
    {
        _organisations = organisations.ToDictionary(o => o.Code, StringComparer.Ordinal);
        _units = _organisations.Values.SelectMany(o => o.Units).ToDictionary(u => u.Id, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<DirectoryOrganisation> Organisations => _organisations.Values;

    public DirectoryOrganisation? Organisation(string code) => _organisations.GetValueOrDefault(code);

    public DirectoryUnit? Unit(string id) => _units.GetValueOrDefault(id);

    public static UnitDirectory Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize(stream, DirectoryJsonContext.Default.DirectoryFile)
            ?? throw new InvalidOperationException($"The unit directory {path} is empty.");
        return new UnitDirectory(file.Organisations.Select(o => new DirectoryOrganisation(
            o.Code, o.Alias, o.Name, o.Kind,
            o.Units.Select(u => new DirectoryUnit(u.Id, u.Name, u.Kind, o.Code)).ToList())));
    }
}
