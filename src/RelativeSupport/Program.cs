var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceCore(RelativeStore.Keyspace);
builder.AddRelativeSupport();
builder.AddGrpcJsonTranscoding();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcServiceDefaults();
app.MapGrpcService<RelativeSupportService>();

app.Run();
