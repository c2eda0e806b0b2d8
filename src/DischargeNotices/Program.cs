var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGrpcServiceDefaults();
builder.AddKeycloakWebApiAuthentication();
builder.AddDocumentStore(DischargeStore.Keyspace);
builder.AddAccessLogging();
builder.AddDischargeNotices();
builder.AddDischargeJsonTranscoding();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcServiceDefaults();
app.MapGrpcService<DischargeNoticesService>();

app.Run();
