var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceCore(OmbudStore.Keyspace);
builder.AddPersonalOmbudsmen();
builder.AddGrpcJsonTranscoding();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcServiceDefaults();
app.MapGrpcService<PersonalOmbudsmenService>();

app.Run();
