using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Samverkan.TestSupport.Identity;

// A minimal browser: keeps cookies, follows the identity server's own redirects, fills in and
// posts the login form (with its antiforgery token), and stops at the client's redirect URI.
public sealed partial class BrowserLogin : IDisposable
{
    private readonly IdentityServer _server;
    private readonly HttpClient _http;

    public BrowserLogin(IdentityServer server)
    {
        _server = server;
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true });
    }

    // Opens the authorization URL: either the login page (Html) or, with a live SSO session,
    // straight to the redirect URI (Code).
    public async Task<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, params (string Name, string Value)[] extra)
    {
        using var response = await _http.GetAsync(request.ToUrl(_server.AuthorizationEndpoint, extra));
        return await FollowAsync(response, request);
    }

    public async Task<AuthorizationResult> LoginAsync(AuthorizationRequest request, string username, string password, params (string Name, string Value)[] extra)
    {
        var page = await AuthorizeAsync(request, extra);
        return page.Html is null ? page : await SubmitLoginFormAsync(page.Html, request, username, password);
    }

    public async Task<AuthorizationResult> SubmitLoginFormAsync(string html, AuthorizationRequest request, string username, string password)
    {
        var action = FormAction().Match(html).Groups[1].Value;
        var fields = HiddenField().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["username"] = username;
        fields["password"] = password;

        using var response = await _http.PostAsync(new Uri(_server.BaseAddress, WebUtility.HtmlDecode(action)), new FormUrlEncodedContent(fields));
        return await FollowAsync(response, request);
    }

    // A plain GET with this browser's cookies, redirects not followed.
    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url);

    // RP-initiated logout with id_token_hint; the answer is the redirect to the client.
    public Task<HttpResponseMessage> LogoutAsync(string idToken, string postLogoutRedirectUri) =>
        _http.GetAsync(QueryHelpers.AddQueryString(_server.RealmUrl + "/protocol/openid-connect/logout", new Dictionary<string, string?>
        {
            ["id_token_hint"] = idToken,
            ["post_logout_redirect_uri"] = postLogoutRedirectUri,
        }));

    private async Task<AuthorizationResult> FollowAsync(HttpResponseMessage response, AuthorizationRequest request)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
            {
                var html = await response.Content.ReadAsStringAsync();
                var error = ErrorMessage().Match(html);
                return new AuthorizationResult(null, null, null, null, error.Success ? WebUtility.HtmlDecode(error.Groups[1].Value) : null,
                    FormAction().IsMatch(html) ? html : null) { };
            }

            var location = new Uri(_server.BaseAddress, response.Headers.Location!);
            if (location.GetLeftPart(UriPartial.Path) == request.RedirectUri)
            {
                var query = QueryHelpers.ParseQuery(location.Query);
                string? Get(string name) => query.TryGetValue(name, out var value) ? value.ToString() : null;
                return new AuthorizationResult(Get("code"), Get("state"), Get("error"), Get("error_description"), null, null);
            }

            response.Dispose();
            response = await _http.GetAsync(location);
        }
        throw new InvalidOperationException("Too many redirects.");
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();

    [GeneratedRegex("<p class=\"error\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex ErrorMessage();
}
