using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Samverkan.TestSupport.Identity;

// Obtains real tokens from the test identity server, as the platform's callers do.
public sealed class TokenClient(IdentityServer server)
{
    public const string TestsClient = "samverkan-tests";
    public const string PortalClient = "staff-portal";
    // The development realm admits any port on 127.0.0.1 (loopback, RFC 8252 §7.3); tests never
    // follow the redirect, so no port is needed.
    public const string PortalRedirectUri = "http://127.0.0.1/signin-oidc";
    public const string PortalPostLogoutRedirectUri = "http://127.0.0.1/signout-callback-oidc";

    private static readonly HttpClient Http = new();

    // A municipal or regional system: client credentials of system-{alias}.
    public Task<TokenResponse> GetSystemTokenAsync(string organisationAlias, string? scope = null) =>
        GetClientCredentialsTokenAsync("system-" + organisationAlias, server.DevRealm.SecretOf("system-" + organisationAlias), scope);

    public async Task<TokenResponse> GetClientCredentialsTokenAsync(string clientId, string secret, string? scope = null) =>
        (await RequestAsync(Form(("grant_type", "client_credentials"), ("scope", scope)), (clientId, secret))).EnsureSuccess();

    // A staff member through the development-only samverkan-tests client (password grant).
    public async Task<TokenResponse> GetUserTokenAsync(string username, string? password = null, string? scope = "openid") =>
        (await RequestAsync(Form(("grant_type", "password"), ("client_id", TestsClient), ("username", username),
            ("password", password ?? server.DevRealm.PasswordOf(username)), ("scope", scope)))).EnsureSuccess();

    // A staff member through the real browser flow of the portal: authorization code + PKCE,
    // posting the login form like a browser.
    public async Task<TokenResponse> GetUserTokenViaLoginFormAsync(string username, string? password = null, string scope = "openid")
    {
        using var browser = server.CreateBrowser();
        var request = AuthorizationRequest.Create(PortalClient, PortalRedirectUri, scope);
        var result = await browser.LoginAsync(request, username, password ?? server.DevRealm.PasswordOf(username));
        if (result.Code is null)
        {
            throw new InvalidOperationException($"Login as {username} failed: {result.LoginError ?? result.Error + " " + result.ErrorDescription}");
        }
        return (await RedeemCodeAsync(request, result.Code)).EnsureSuccess();
    }

    public Task<TokenResult> RedeemCodeAsync(AuthorizationRequest request, string code, string? codeVerifier = null) =>
        RequestAsync(Form(("grant_type", "authorization_code"), ("client_id", request.ClientId), ("code", code),
            ("redirect_uri", request.RedirectUri), ("code_verifier", codeVerifier ?? request.CodeVerifier)));

    public Task<TokenResult> RefreshAsync(string refreshToken, string clientId = TestsClient, string? clientSecret = null) =>
        clientSecret is null
            ? RequestAsync(Form(("grant_type", "refresh_token"), ("client_id", clientId), ("refresh_token", refreshToken)))
            : RequestAsync(Form(("grant_type", "refresh_token"), ("refresh_token", refreshToken)), (clientId, clientSecret));

    // Any token request; client credentials go in the Authorization header (client_secret_basic).
    public async Task<TokenResult> RequestAsync(IEnumerable<KeyValuePair<string, string>> form, (string ClientId, string Secret)? basic = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, server.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        if (basic is { } credentials)
        {
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(
                $"{Uri.EscapeDataString(credentials.ClientId)}:{Uri.EscapeDataString(credentials.Secret)}"));
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", encoded);
        }

        using var response = await Http.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
        var root = json.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        if (response.IsSuccessStatusCode && Text("access_token") is { } accessToken)
        {
            var expiresIn = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) ? seconds : 0;
            return new TokenResult(response.StatusCode, new TokenResponse(accessToken, Text("refresh_token"), Text("id_token"), expiresIn, Text("scope")), null, null);
        }
        return new TokenResult(response.StatusCode, null, Text("error"), Text("error_description"));
    }

    public static IEnumerable<KeyValuePair<string, string>> Form(params (string Name, string? Value)[] fields) =>
        fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Name, f.Value!)).ToList();
}
