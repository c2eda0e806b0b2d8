using Samverkan.AccessLog.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGrpcServiceDefaults();
builder.AddKeycloakWebApiAuthentication();
builder.AddDocumentStore("access-log");
builder.AddAccessLogging();
builder.AddAccessLogServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGrpcServiceDefaults();
app.MapGrpcService<AccessLogService>();

app.Run();
