using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samverkan.SharedKernel.Directory;

// The shape of units.json, read by UnitDirectoryJson.
internal sealed record UnitDirectoryFile(List<OrganisationEntry> Organisations);

internal sealed record OrganisationEntry(string Code, string Alias, string Name, string Kind, List<UnitEntry> Units);

internal sealed record UnitEntry(string Id, string Name, string Kind, string? ServesMunicipality);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(UnitDirectoryFile))]
internal sealed partial class UnitDirectoryJsonContext : JsonSerializerContext;
