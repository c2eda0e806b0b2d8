using Samverkan.AccessLog.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceCore("access-log");
builder.AddAccessLogServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcServiceDefaults();
app.MapGrpcService<AccessLogService>();

app.Run();
