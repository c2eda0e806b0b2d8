using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Samverkan.Identity.Login;

// The few pages a person sees, in Swedish: the login form, the logout confirmation and plain
// messages. Every value is HTML-encoded; pages are never cached or framed.
public static class HtmlPages
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static IResult Login(string realmName, string action, string returnUrl, string tokenField, string token, string? username, string? error) =>
        Page(realmName, "Logga in", $"""
            <h1>Logga in</h1>
            <p class="lead">Samverkan Dalarna – för personal i Dalarnas kommuner och Region Dalarna.</p>
            {(error is null ? "" : $"""<p class="error" role="alert">{E(error)}</p>""")}
            <form method="post" action="{E(action)}">
              <input type="hidden" name="{E(tokenField)}" value="{E(token)}">
              <input type="hidden" name="return_url" value="{E(returnUrl)}">
              <label for="username">Användarnamn</label>
              <input id="username" name="username" type="text" autocomplete="username" value="{E(username ?? "")}" required autofocus>
              <label for="password">Lösenord</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">Logga in</button>
            </form>
            """, error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);

    public static IResult ConfirmLogout(string realmName, string action, string tokenField, string token, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var hidden = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            hidden.Append($"""<input type="hidden" name="{E(name)}" value="{E(value)}">""");
        }
        return Page(realmName, "Logga ut", $"""
            <h1>Logga ut</h1>
            <p>Vill du logga ut från Samverkan Dalarna?</p>
            <form method="post" action="{E(action)}">
              <input type="hidden" name="{E(tokenField)}" value="{E(token)}">
              {hidden}
              <button type="submit">Logga ut</button>
            </form>
            """, StatusCodes.Status200OK);
    }

    public static IResult Message(string realmName, string title, string message, int statusCode = StatusCodes.Status200OK) =>
        Page(realmName, title, $"""<h1>{E(title)}</h1><p>{E(message)}</p>""", statusCode);

    private static IResult Page(string realmName, string title, string body, int statusCode) => new HtmlResult($$"""
        <!DOCTYPE html>
        <html lang="sv">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{E(title)}} – {{E(realmName)}}</title>
          <style>
            body { font-family: system-ui, sans-serif; background: #f3f5f7; color: #1c2b39; margin: 0; }
            main { max-width: 26rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: .5rem; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
            h1 { font-size: 1.5rem; margin-top: 0; }
            label { display: block; margin-top: 1rem; font-weight: 600; }
            input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #8a97a5; border-radius: .25rem; }
            button { margin-top: 1.5rem; width: 100%; padding: .7rem; font-size: 1rem; background: #005a9c; color: #fff; border: 0; border-radius: .25rem; cursor: pointer; }
            .error { background: #fdecea; color: #8a1c12; padding: .75rem; border-radius: .25rem; }
            .lead { color: #4a5a6a; }
          </style>
        </head>
        <body><main>
        {{body}}
        </main></body>
        </html>
        """, statusCode);

    private static string E(string value) => Encoder.Encode(value);

    private sealed class HtmlResult(string html, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.StatusCode = statusCode;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            response.Headers.XFrameOptions = "DENY";
            response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
            response.Headers["Referrer-Policy"] = "no-referrer";
            return response.WriteAsync(html);
        }
    }
}
