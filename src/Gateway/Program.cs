var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayEndpoints();       // "http" (HTTP/1.1, or TLS) and "grpc" (h2c only) endpoints
builder.AddGatewayConnectionLimits(); // per-address connection limit, TLS handshake timeout
builder.AddGatewayAuthentication();  // Keycloak bearer tokens; gRPC-shaped 401/403
builder.AddGatewayRateLimiting();    // per client and organisation; ResourceExhausted
builder.AddGatewayReverseProxy();    // routes and clusters from "ReverseProxy", service discovery

var app = builder.Build();

app.UseGatewayEdge();                // correlation id, gRPC-Web -> gRPC
app.UseGatewayEarlyRefusal();        // a storming client's retries refused before any auth work
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseRequestTimeouts();

app.MapDefaultEndpoints();
app.MapGatewayReverseProxy();

app.Run();
