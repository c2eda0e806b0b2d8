namespace Samverkan.AccessLog.Directory;

public sealed record DirectoryOrganisation(string Code, string Alias, string Name, string Kind, IReadOnlyList<DirectoryUnit> Units);
