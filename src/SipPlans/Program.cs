var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceCore("sip");

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcServiceDefaults();
app.MapGrpcService<SipPlansService>();

app.Run();
