var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceCore("ombud");

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcServiceDefaults();
app.MapGrpcService<PersonalOmbudsmenService>();

app.Run();
