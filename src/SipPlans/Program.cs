var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceCore(SipStore.Keyspace);
builder.AddSipPlans();
builder.AddGrpcJsonTranscoding();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcServiceDefaults();
app.MapGrpcService<SipPlansService>();

app.Run();
