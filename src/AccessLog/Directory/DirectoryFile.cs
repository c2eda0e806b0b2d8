using System.Text.Json.Serialization;

namespace Samverkan.AccessLog.Directory;

// The shape of deploy/directory/units.json (only what the access log reads).
internal sealed record DirectoryFile(List<DirectoryFileOrganisation> Organisations);

internal sealed record DirectoryFileOrganisation(string Code, string Alias, string Name, string Kind, List<DirectoryFileUnit> Units);

internal sealed record DirectoryFileUnit(string Id, string Name, string Kind);

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(DirectoryFile))]
internal sealed partial class DirectoryJsonContext : JsonSerializerContext;
