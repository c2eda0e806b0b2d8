using Samverkan.Portal;
using Samverkan.Portal.Authentication;
using Samverkan.Portal.Components;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPortalAuthentication();
builder.AddPortalServices();

var app = builder.Build();

// Forwarded headers first: authentication builds the redirect URI from the address the user opened.
app.UsePortalForwardedHeaders();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapPortalAccountEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .RequireAuthorization();

app.Run();
