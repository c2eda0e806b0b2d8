// The whole platform on one machine, under .NET Aspire: DCP starts and watches every resource, the
// dashboard shows their state and telemetry. Resource names are what services see in
// services__{name}__http__0, ConnectionStrings__{name} and OTEL_SERVICE_NAME. Adding a resource is one
// declaration here. Options (README "Resources"): --store redis|garnet, --port-offset N, --data-dir DIR.
var builder = DistributedApplication.CreateBuilder(args).KeepPersonalDataOutOfTelemetry();
var platform = PlatformOptions.From(builder);

// redis-server with deploy/redis/redis.conf when installed (or --store redis), else the embedded Garnet.
var store = builder.AddStore("store", platform, port: 16379);

// One key for pseudonymous person references in the access log, shared by every service that records
// access; generated once and kept beside the data it keys (Parameters:person-reference-key overrides it).
var personReferenceKey = builder.AddGeneratedSecret("person-reference-key", platform);

var identity = builder.AddProject<Projects.Identity>("identity")
    .WithHttpEndpoint(port: platform.Port(8080), isProxied: false)
    .WithHttpHealthCheck("/health")
    .AsIdentityProvider(realm: "samverkan", platform);

var accessLog = builder.AddGrpcService<Projects.AccessLog>("access-log", platform.Port(5305), store, identity, personReferenceKey);

var sipPlans = builder.AddGrpcService<Projects.SipPlans>("sip-plans", platform.Port(5301), store, identity, personReferenceKey);

var dischargeNotices = builder.AddGrpcService<Projects.DischargeNotices>("discharge-notices", platform.Port(5302), store, identity, personReferenceKey);

var relativeSupport = builder.AddGrpcService<Projects.RelativeSupport>("relative-support", platform.Port(5303), store, identity, personReferenceKey);

var personalOmbudsmen = builder.AddGrpcService<Projects.PersonalOmbudsmen>("personal-ombudsmen", platform.Port(5304), store, identity, personReferenceKey);

// One front door: HTTP/1.1 for browsers and the portal on "http", h2c for gRPC clients on "grpc";
// "management" (/metrics) is for Prometheus only and is never exposed by the ingress. It starts once
// the identity server and every service are healthy, so its first calls and health probes find them.
var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithHttpEndpoint(port: platform.Port(5000), isProxied: false)
    .WithHttpEndpoint(port: platform.Port(5001), name: "grpc", isProxied: false)
    .WithHttpEndpoint(port: platform.Port(5002), name: "management", isProxied: false)
    .WithNamedKestrelEndpoints()
    .WithHttpHealthCheck("/health")
    .WithIdentityProvider(identity).WaitFor(identity)
    .WithService(sipPlans)
    .WithService(dischargeNotices)
    .WithService(relativeSupport)
    .WithService(personalOmbudsmen)
    .WithService(accessLog);

// Staff portal (Blazor, Swedish): users reach it through the gateway's catch-all "portal" route at
// http://localhost:5000; it calls the services with the user's own token through the gateway's gRPC
// endpoint (services__gateway__grpc__0). The gateway only needs its address, not to wait for it.
var portal = builder.AddProject<Projects.Portal>("portal")
    .WithHttpEndpoint(port: platform.Port(5100), isProxied: false)
    .WithHttpHealthCheck("/health")
    .WithIdentityProvider(identity).WaitFor(identity)
    .WithReference(gateway.GetEndpoint("grpc")).WaitFor(gateway);
gateway.WithReference(portal);

// Prometheus when installed: scrapes every resource above (config generated into {data-dir}/prometheus),
// with the alert rules of deploy/prometheus/alerts.yml; http://localhost:9090.
// The portal's operations page (/drift) reads it.
var prometheus = builder.AddPrometheus("prometheus", platform, port: 9090);
portal.WithPrometheusApi(prometheus);

builder.RunProjectsInHostEnvironment().RunProjectsFromBuildOutput().Build().Run();
