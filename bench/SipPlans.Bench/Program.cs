using System.Net;
using System.Net.Sockets;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Sip.V1;
using Samverkan.SipPlans.Bench;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;
using Samverkan.TestSupport.Store;
using PersonalIdentityNumber = Samverkan.SharedKernel.Identity.PersonalIdentityNumber;

// SIP plans through the gateway: writes (InitiatePlan: one durable commit with the plan, its
// indexes and an access record; then UpdateContent with a full draft on each plan, read-checked by
// expected_version) and reads (GetPlan: the plan is loaded, authorized, access-logged with a
// durable commit, then answered). Callers: Anna (Falun social services) as staff.
var plans = args.Length > 0 ? int.Parse(args[0]) : 500;
var concurrency = args.Length > 1 ? int.Parse(args[1]) : 16;
var readFor = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2]) : 10);

await using var store = await StoreServer.StartNewAsync(StoreServer.DefaultKind);
await using var identity = await IdentityServer.StartAsync();
var environment = new Dictionary<string, string?>(identity.ServiceEnvironment)
{
    ["ConnectionStrings__store"] = store.ConnectionString,
    ["OTEL_SERVICE_NAME"] = "sip-plans",
    ["Logging__LogLevel__Default"] = "Warning",
};
await using var service = await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("SipPlans"), environment);
var grpcPort = FreePort();
await using var gateway = await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("Gateway"), new Dictionary<string, string?>(identity.ServiceEnvironment)
{
    ["services__sip-plans__http__0"] = service.Address.ToString().TrimEnd('/'),
    ["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
    ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{FreePort()}",
    ["Logging__LogLevel__Default"] = "Warning",
    // The shipped per-client limit (100/s) would measure the limiter, not the service.
    ["Gateway__RateLimiting__PerClient__TokenLimit"] = "100000000",
    ["Gateway__RateLimiting__PerClient__TokensPerPeriod"] = "100000000",
});
using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
var client = new SipPlans.SipPlansClient(channel);
var token = (await identity.CreateTokenClient().GetUserTokenAsync("anna.lind")).AccessToken;
var anna = new CallOptions(new Metadata { { "Authorization", "Bearer " + token } });

Console.WriteLine($"SIP plans through the gateway: {plans} plans, {concurrency} callers, reads for {readFor.TotalSeconds} s; store {store.Kind}");
// Warm-up: connections, token validation, JIT.
await ClosedLoop.CountAsync(50, 4, _ => client.InitiatePlanAsync(Initiate(), anna).ResponseAsync);

var ids = new string[plans];
var initiate = await ClosedLoop.CountAsync(plans, concurrency, async i => ids[i] = (await client.InitiatePlanAsync(Initiate(), anna)).PlanId);
Console.WriteLine($"write InitiatePlan   {initiate}");
var consent = await ClosedLoop.CountAsync(plans, concurrency, i => client.RecordConsentAsync(Consent(ids[i]), anna).ResponseAsync);
Console.WriteLine($"write RecordConsent  {consent}");
var update = await ClosedLoop.CountAsync(plans, concurrency, i => client.UpdateContentAsync(new UpdateContentRequest
{
    RequestId = Guid.NewGuid().ToString(), PlanId = ids[i], ExpectedVersion = 2, Content = Draft(),
}, anna).ResponseAsync);
Console.WriteLine($"write UpdateContent  {update}");
var read = await ClosedLoop.ForAsync(readFor, concurrency, i => client.GetPlanAsync(new GetPlanRequest { PlanId = ids[i % plans] }, anna).ResponseAsync);
Console.WriteLine($"read  GetPlan        {read}");

static InitiatePlanRequest Initiate() => new()
{
    RequestId = Guid.NewGuid().ToString(),
    Person = new Person { PersonalIdentityNumber = new() { Value = Personnummer() }, GivenName = "Sara", FamilyName = "Berg" },
    Initiator = InitiatorKind.MunicipalUnit,
    NeedDescription = "Behöver samordnade insatser",
};

static RecordConsentRequest Consent(string planId) => new()
{
    RequestId = Guid.NewGuid().ToString(),
    PlanId = planId,
    Consent = new ConsentInput
    {
        Giver = ConsentGiver.Individual, Form = ConsentForm.Written, Organisations = { "2080", "20" },
        Purposes = { ConsentPurpose.Participation, ConsentPurpose.InformationSharing },
        GivenAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)),
    },
};

static PlanContent Draft()
{
    var content = new PlanContent
    {
        OverallResponsibleOrganisation = new OrganisationRef { Code = "2080" },
        WhatMatters = new string('v', 400), CurrentInterventionsAssessment = new string('a', 400), Relatives = RelativesParticipation.NotSuitable,
    };
    for (var i = 0; i < 5; i++)
    {
        content.Interventions.Add(new Intervention { InterventionId = $"i{i}", Description = new string('i', 200), ResponsibleOrganisation = new OrganisationRef { Code = "2080" } });
        content.Goals.Add(new Goal { GoalId = $"g{i}", Text = new string('g', 200), Term = i % 2 == 0 ? GoalTerm.Short : GoalTerm.Long });
    }
    return content;
}

static string Personnummer()
{
    var birth = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 365 * 50));
    var nine = $"{birth:yyMMdd}{Random.Shared.Next(0, 1000):D3}";
    return $"{birth.Year / 100:D2}{nine}{PersonalIdentityNumber.LuhnCheckDigit(nine)}";
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
