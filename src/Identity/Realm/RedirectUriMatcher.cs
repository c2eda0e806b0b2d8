namespace Samverkan.Identity.Realm;

// Keycloak 26's redirect URI rule (RedirectUtils.verifyRedirectUri), made strict where Keycloak is
// loose: an exact, case-sensitive match of the whole URI (query included), or - for a registered
// URI ending in '*' - a prefix match of the URI without query and fragment. Here '*' is only a
// path suffix: the registered part before it must name scheme, host and port and end its
// authority with '/', so "http://localhost*" cannot admit http://localhost.attacker.example
// (RealmLoader refuses such a pattern). A URI with user info ("http://localhost@evil.example") or
// a fragment never matches. Loopback (RFC 8252 §7.3, as Keycloak): an http URI on localhost,
// 127.0.0.1 or [::1] with a port also matches a registered URI without a port.
public static class RedirectUriMatcher
{
    public static readonly IReadOnlySet<string> LoopbackHosts = new HashSet<string>(StringComparer.Ordinal) { "localhost", "127.0.0.1", "[::1]" };

    public static bool Matches(IEnumerable<string> registered, string candidate)
    {
        if (!IsAcceptableCandidate(candidate, out var parsed)) return false;

        var patterns = registered as IReadOnlyCollection<string> ?? registered.ToList();
        if (MatchesAny(patterns, candidate)) return true;

        // An ephemeral port on a loopback address: try again without the port.
        if (parsed.Scheme == Uri.UriSchemeHttp && !parsed.IsDefaultPort && LoopbackHosts.Contains(HostOf(parsed)))
        {
            var authority = $"{parsed.Scheme}://{HostOf(parsed)}:{parsed.Port}";
            if (candidate.StartsWith(authority, StringComparison.Ordinal))
            {
                return MatchesAny(patterns, $"{parsed.Scheme}://{HostOf(parsed)}{candidate[authority.Length..]}");
            }
        }
        return false;
    }

    // Whether a registered redirect URI is one this server can honour: absolute http(s), no user
    // info, no fragment, and '*' (if any) only as the last character, after the authority's '/'.
    public static bool IsValidPattern(string pattern, out string? problem)
    {
        problem = null;
        var fixedPart = pattern.EndsWith('*') ? pattern[..^1] : pattern;
        if (fixedPart.Contains('*'))
        {
            problem = "'*' may only end a redirect URI";
        }
        else if (!Uri.TryCreate(fixedPart, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problem = "not an absolute http(s) URI";
        }
        else if (!string.IsNullOrEmpty(uri.UserInfo) || fixedPart.Contains('#'))
        {
            problem = "user info and fragments are not allowed";
        }
        else if (pattern.EndsWith('*') && fixedPart.IndexOf('/', fixedPart.IndexOf("://", StringComparison.Ordinal) + 3) < 0)
        {
            problem = "a wildcard must follow the host and port and a '/' (e.g. https://portal.example/*)";
        }
        return problem is null;
    }

    private static bool MatchesAny(IEnumerable<string> patterns, string candidate)
    {
        var cut = candidate.IndexOfAny(['?', '#']);
        var withoutQuery = cut < 0 ? candidate : candidate[..cut];
        foreach (var pattern in patterns)
        {
            if (!IsValidPattern(pattern, out _)) continue;
            if (pattern.EndsWith('*'))
            {
                var prefix = pattern[..^1];
                if (HasUnsafePath(withoutQuery)) continue;
                if (withoutQuery.StartsWith(prefix, StringComparison.Ordinal)) return true;
                if (prefix.EndsWith('/') && withoutQuery == prefix[..^1]) return true;
            }
            else if (pattern == candidate)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsAcceptableCandidate(string candidate, out Uri parsed)
    {
        parsed = null!;
        if (candidate.Length == 0 || candidate.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\')) return false;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return false;
        // The scheme as written must be lower case (Keycloak compares case-sensitively).
        if (!candidate.StartsWith(uri.Scheme + "://", StringComparison.Ordinal)) return false;
        if (!string.IsNullOrEmpty(uri.UserInfo) || candidate.Contains('@', StringComparison.Ordinal) && AuthorityOf(candidate).Contains('@')) return false;
        if (!string.IsNullOrEmpty(uri.Fragment) || candidate.Contains('#')) return false;
        parsed = uri;
        return true;
    }

    private static string AuthorityOf(string candidate)
    {
        var start = candidate.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = candidate.IndexOfAny(['/', '?', '#'], start);
        return end < 0 ? candidate[start..] : candidate[start..end];
    }

    // System.Uri writes an IPv6 host with its brackets ("[::1]"), as it appears in the URI.
    private static string HostOf(Uri uri) => uri.Host;

    // Any "/.." (plain or encoded) in the path: a wildcard must not reach a parent folder.
    private static bool HasUnsafePath(string uri)
    {
        var decoded = uri.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase).Replace("%2f", "/", StringComparison.OrdinalIgnoreCase)
            .Replace("%5c", "/", StringComparison.OrdinalIgnoreCase);
        return decoded.Contains("/../", StringComparison.Ordinal) || decoded.EndsWith("/..", StringComparison.Ordinal);
    }
}
