var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGrpcServiceDefaults();
builder.AddDocumentStore(DischargeStore.Keyspace);
builder.AddAccessLogging();
builder.AddDischargeNotices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcServiceDefaults();
app.MapGrpcService<DischargeNoticesService>();

app.Run();
