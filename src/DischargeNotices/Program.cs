var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceCore(DischargeStore.Keyspace);
builder.AddDischargeNotices();
builder.AddGrpcJsonTranscoding();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcServiceDefaults();
app.MapGrpcService<DischargeNoticesService>();

app.Run();
