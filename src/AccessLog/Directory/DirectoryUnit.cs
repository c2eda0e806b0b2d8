namespace Samverkan.AccessLog.Directory;

public sealed record DirectoryUnit(string Id, string Name, string Kind, string OrganisationCode);
