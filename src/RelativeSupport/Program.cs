var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceCore("relatives");

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcServiceDefaults();
app.MapGrpcService<RelativeSupportService>();

app.Run();
