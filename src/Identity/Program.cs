using Samverkan.Identity.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
var realm = builder.LoadRealm();
builder.AddKeycloakCompatibleServer(realm);
builder.AddLoginSessions(realm);

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapRealmEndpoints(realm);

app.Run();
