namespace Samverkan.Identity.Tokens;

// Which organisations the "organization" scope grants (Keycloak's OrganizationScope):
// "organization" or a default scope -> the user's organisations; "organization:*" -> all of them;
// "organization:<alias>" -> that one, which the user must be a member of.
public sealed record OrganizationSelection(string? Alias)
{
    public static readonly OrganizationSelection All = new((string?)null);

    public bool Admits(string alias) => Alias is null || Alias == alias;
}
