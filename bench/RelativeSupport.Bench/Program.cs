using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Relatives.V1;
using Samverkan.DischargeNotices.Bench;
using Samverkan.SipPlans.Bench;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;
using Samverkan.TestSupport.Store;

// Relative support through the gateway, real processes (store with durable config, identity server,
// service, gateway), real tokens. For each caller count: writes RegisterRelative (Borlänge's relative
// consultant), ReferRelative (a region ward nurse, to Borlänge), AcceptReferral (the consultant; the
// relative is registered from the referral), each one durable commit with the document, the
// municipality's tally, list indexes, an access record and the idempotency key; then reads for a
// fixed time: GetRelative (access record committed before the answer) and ListRelatives (a page of
// 20, one access record per relative, committed before the answer). CPU per call from /proc.
//   bench/relatives/run.sh [calls per write phase = 1000; a quarter at 1 caller] [read seconds = 5] [callers = 1,16,64]
// CPU time is read in 10 ms ticks: a phase needs hundreds of calls for a per-call figure.
var writeCalls = args.Length > 0 ? int.Parse(args[0]) : 1000;
var readFor = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1]) : 5);
var callerCounts = (args.Length > 2 ? args[2] : "1,16,64").Split(',').Select(int.Parse).ToList();
const string Municipality = "2081";

await using var store = await StoreServer.StartNewAsync(StoreServer.DefaultKind);
await using var identity = await IdentityServer.StartAsync();
var environment = new Dictionary<string, string?>(identity.ServiceEnvironment)
{
    ["ConnectionStrings__store"] = store.ConnectionString,
    ["OTEL_SERVICE_NAME"] = "relative-support",
    ["Logging__LogLevel__Default"] = "Warning",
    ["AccessLogging__PersonReferenceKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
};
await using var service = await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("RelativeSupport"), environment);
await using var gateway = await GatewayProcess.StartAsync(identity.ServiceEnvironment, "relative-support", service.Address, new Dictionary<string, string?>
{
    ["Logging__LogLevel__Default"] = "Warning",
    // The shipped per-client limit (100/s) would measure the limiter, not the service.
    ["Gateway__RateLimiting__PerClient__TokenLimit"] = "100000000",
    ["Gateway__RateLimiting__PerClient__TokensPerPeriod"] = "100000000",
});
var cpu = new ProcessCpu(new Dictionary<string, int>
{
    ["client"] = Environment.ProcessId,
    ["gateway"] = gateway.ProcessId,
    ["service"] = service.ProcessId,
    ["store"] = store.ProcessId ?? throw new InvalidOperationException("The store is not running."),
    ["identity"] = identity.ProcessId,
});
using var channel = GrpcChannel.ForAddress(gateway.GrpcAddress);
var client = new RelativeSupport.RelativeSupportClient(channel);
var tokens = identity.CreateTokenClient();
var consultant = Bearer((await tokens.GetUserTokenAsync("sara.falk")).AccessToken);   // relative consultant, Borlänge
var ward = Bearer((await tokens.GetUserTokenAsync("karin.nyberg")).AccessToken);     // nurse, Region Dalarna ward 20-slv-falun-med

var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
Console.WriteLine($"RelativeSupport bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: store {store.Kind} (durable config), {Environment.ProcessorCount} cores, " +
    $"load average {load} at start; through the gateway (h2c), real tokens; {writeCalls} calls per write phase (a quarter at 1 caller), reads for {readFor.TotalSeconds} s; callers {string.Join("/", callerCounts)}.");

// Warm-up: connections, token validation, JIT.
var warm = new ConcurrentBag<string>();
var warmUp = await ClosedLoop.CountAsync(50, 4, async _ => warm.Add((await client.RegisterRelativeAsync(Register(), consultant)).RelativeId));
if (warmUp.Errors > 0) throw new InvalidOperationException($"The warm-up failed ({warmUp.Errors} of 50 calls); service output:\n{service.Output}");

var rows = new List<string>();
foreach (var callers in callerCounts)
{
    var calls = callers == 1 ? Math.Max(1, writeCalls / 4) : writeCalls;
    var registered = new string[calls];
    var referrals = new string[calls];
    var accepted = new string[calls];
    await Phase(callers, "RegisterRelative", () => ClosedLoop.CountAsync(calls, callers,
        async i => registered[i] = (await client.RegisterRelativeAsync(Register(), consultant)).RelativeId));
    await Phase(callers, "ReferRelative", () => ClosedLoop.CountAsync(calls, callers,
        async i => referrals[i] = (await client.ReferRelativeAsync(Refer(), ward)).ReferralId));
    await Phase(callers, "AcceptReferral", () => ClosedLoop.CountAsync(calls, callers, async i => accepted[i] = referrals[i] is null ? throw new RpcException(
        new Status(StatusCode.Cancelled, "its referral failed")) : (await client.AcceptReferralAsync(new AcceptReferralRequest
        { RequestId = Guid.NewGuid().ToString(), ReferralId = referrals[i], ExpectedVersion = 1 }, consultant)).RelativeId));
    var readable = registered.Concat(warm).Where(id => id is not null).ToArray();
    await Phase(callers, "GetRelative", () => ClosedLoop.ForAsync(readFor, callers,
        i => client.GetRelativeAsync(new GetRelativeRequest { RelativeId = readable[i % readable.Length] }, consultant).ResponseAsync));
    await Phase(callers, "ListRelatives(20)", () => ClosedLoop.ForAsync(readFor, callers,
        _ => client.ListRelativesAsync(new ListRelativesRequest { MunicipalityCode = Municipality, Page = new PageRequest { PageSize = 20 } }, consultant).ResponseAsync));
}

Console.WriteLine($"\nSummary (load average {load} at start, {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at end; CPU µs per call per process; 'other' = identity server):");
Console.WriteLine("(AcceptReferral errors include the accepts of referrals whose ReferRelative failed.)");
Console.WriteLine("callers | call | calls/s | p50 ms | p99 ms | errors | client | gateway | service | store | other | total µs");
rows.ForEach(Console.WriteLine);

async Task Phase(int callers, string name, Func<Task<LoopResult>> run)
{
    var before = cpu.Snapshot();
    var result = await run();
    var spent = ProcessCpu.Spent(before, cpu.Snapshot());
    double PerCall(string process) => result.Calls == 0 ? 0 : spent[process].TotalMicroseconds / result.Calls;
    var total = spent.Keys.Sum(PerCall);
    Console.WriteLine($"{callers,3} callers  {name,-18} {result}");
    rows.Add($"{callers} | {name} | {result.PerSecond:F0} | {result.Percentile(50):F1} | {result.Percentile(99):F1} | {result.Errors} | " +
        $"{PerCall("client"):F0} | {PerCall("gateway"):F0} | {PerCall("service"):F0} | {PerCall("store"):F0} | {PerCall("identity"):F0} | {total:F0}");
}

static CallOptions Bearer(string token) => new(new Metadata { { "Authorization", "Bearer " + token } });

static RegisterRelativeRequest Register() => new()
{
    RequestId = Guid.NewGuid().ToString(),
    MunicipalityCode = Municipality,
    Relative = Details(),
    Relationship = Relationship.Partner,
    ConsentToRegistration = true,
};

static ReferRelativeRequest Refer() => new()
{
    RequestId = Guid.NewGuid().ToString(),
    ReferringUnitId = "20-slv-falun-med",
    ToMunicipalityCode = Municipality,
    Relative = Details(),
    Relationship = Relationship.Partner,
    ConsentGiven = true,
    Need = "Orkar inte längre med nattvaken; önskar samtalsstöd och avlösning i hemmet.",
};

static RelativeDetails Details() => new()
{
    GivenName = "Ingegerd", FamilyName = "Bench", BirthYear = 1940 + Random.Shared.Next(0, 60), Sex = Random.Shared.Next(2) == 0 ? Sex.Female : Sex.Male,
    Phone = "070-555 12 34", Email = "anhorig@example.se",
    Address = new PostalAddress { Street = "Storgatan 1", PostalCode = "78170", City = "Borlänge" },
};
