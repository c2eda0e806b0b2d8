namespace Samverkan.Identity.Realm;

// Keycloak's redirect URI rule: an exact match, or a prefix match when the registered URI ends
// with '*' (the query string is ignored for the comparison). Nothing else is a wildcard.
public static class RedirectUriMatcher
{
    public static bool Matches(IEnumerable<string> registered, string candidate)
    {
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var parsed) || !string.IsNullOrEmpty(parsed.Fragment))
        {
            return false;
        }

        var withoutQuery = candidate.Split('?', 2)[0];
        foreach (var pattern in registered)
        {
            if (pattern.EndsWith('*'))
            {
                var prefix = pattern[..^1];
                if (withoutQuery.StartsWith(prefix, StringComparison.Ordinal)) return true;
                if (prefix.EndsWith('/') && withoutQuery == prefix[..^1]) return true;
            }
            else if (pattern == withoutQuery)
            {
                return true;
            }
        }
        return false;
    }
}
