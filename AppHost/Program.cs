using Samverkan.AppHost.Hosting;

// The whole platform on one machine. Names are Aspire resource names: they appear in
// services__{name}__http__0, ConnectionStrings__{name} and OTEL_SERVICE_NAME.
// Adding a resource is one declaration here; ports are defaults shifted by --port-offset.
var app = DistributedApplicationBuilder.CreateBuilder(args);

var store = app.AddStore("store", port: 16379);

// One key for pseudonymous person references in the access log, shared by every service that records access.
var personReferenceKey = app.AddGeneratedSecret("person-reference-key");

var identity = app.AddProject("identity", "src/Identity")
    .WithHttpEndpoint(port: 8080)
    .WithHttpHealthCheck("/health")
    .AsIdentityProvider(realm: "samverkan");

var accessLog = app.AddProject("access-log", "src/AccessLog")
    .WithHttpEndpoint(port: 5305)
    .WithHttpHealthCheck("/health")
    .WithReference(store).WaitFor(store)
    .WithReference(identity)
    .WithEnvironment("AccessLogging__PersonReferenceKey", personReferenceKey);

var sipPlans = app.AddProject("sip-plans", "src/SipPlans")
    .WithHttpEndpoint(port: 5301)
    .WithHttpHealthCheck("/health")
    .WithReference(store).WaitFor(store)
    .WithReference(identity)
    .WithEnvironment("AccessLogging__PersonReferenceKey", personReferenceKey);

var dischargeNotices = app.AddProject("discharge-notices", "src/DischargeNotices")
    .WithHttpEndpoint(port: 5302)
    .WithHttpHealthCheck("/health")
    .WithReference(store).WaitFor(store)
    .WithReference(identity)
    .WithEnvironment("AccessLogging__PersonReferenceKey", personReferenceKey);

var relativeSupport = app.AddProject("relative-support", "src/RelativeSupport")
    .WithHttpEndpoint(port: 5303)
    .WithHttpHealthCheck("/health")
    .WithReference(store).WaitFor(store)
    .WithReference(identity)
    .WithEnvironment("AccessLogging__PersonReferenceKey", personReferenceKey);

var personalOmbudsmen = app.AddProject("personal-ombudsmen", "src/PersonalOmbudsmen")
    .WithHttpEndpoint(port: 5304)
    .WithHttpHealthCheck("/health")
    .WithReference(store).WaitFor(store)
    .WithReference(identity)
    .WithEnvironment("AccessLogging__PersonReferenceKey", personReferenceKey);

// One front door: HTTP/1.1 for browsers and the portal on "http", h2c for gRPC clients on "grpc";
// "management" (/metrics) is for Prometheus only and is never exposed by the ingress.
app.AddProject("gateway", "src/Gateway")
    .WithHttpEndpoint(port: 5000)
    .WithHttpEndpoint(port: 5001, name: "grpc")
    .WithHttpEndpoint(port: 5002, name: "management")
    .WithHttpHealthCheck("/health")
    .WithReference(identity)
    .WithReference(sipPlans)
    .WithReference(dischargeNotices)
    .WithReference(relativeSupport)
    .WithReference(personalOmbudsmen)
    .WithReference(accessLog);

return await app.Build().RunAsync();
