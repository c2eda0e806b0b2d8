using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;
using Samverkan.TestSupport.Store;
using Patient = Samverkan.Contracts.Discharge.V1.Patient;
using PersonalIdentityNumber = Samverkan.Contracts.Common.V1.PersonalIdentityNumber;

// Bounded load on loopback only: N admission notices, then M fan-out samples, then it stops.
var notices = args.Length > 0 ? int.Parse(args[0]) : 2000;
var concurrency = args.Length > 1 ? int.Parse(args[1]) : 16;
var samples = args.Length > 2 ? int.Parse(args[2]) : 300;
const int warmup = 100;

await using var store = await StoreServer.StartNewAsync(StoreServer.DefaultKind);
await using var identity = await IdentityServer.StartAsync();
var environment = new Dictionary<string, string?>(identity.ServiceEnvironment)
{
    ["ConnectionStrings__store"] = store.ConnectionString,
    ["ASPNETCORE_ENVIRONMENT"] = "Development",
    ["Logging__LogLevel__Default"] = "Warning",
    ["Discharge__DeadlineMonitorInterval"] = "00:10:00",
};
await using var service = await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("DischargeNotices"), environment);
using var channel = GrpcChannel.ForAddress(service.Address);
var client = new DischargeNotices.DischargeNoticesClient(channel);
var tokens = identity.CreateTokenClient();
var region = Bearer((await tokens.GetSystemTokenAsync("region-dalarna")).AccessToken);
var falun = (await tokens.GetSystemTokenAsync("falun")).AccessToken;

Console.WriteLine($"DischargeNotices bench: store {store.Kind} (durable config), {Environment.ProcessorCount} cores, " +
    $"{notices} notices with {concurrency} concurrent callers, {samples} fan-out samples.");
Console.WriteLine("Each notice: 1 atomic commit (case document, open-patient lock, index changes, 3 feed entries, " +
    "2 access records, idempotency key), over h2c with a real token.");

await SendManyAsync(warmup, concurrency);
var watch = Stopwatch.StartNew();
await SendManyAsync(notices, concurrency);
watch.Stop();
Console.WriteLine($"throughput: {notices / watch.Elapsed.TotalSeconds:F0} notices/s ({watch.Elapsed.TotalSeconds:F1} s)");

// Fan-out: Falun's system subscribes at the head (2 entries per notice: social services and
// municipal health care); each notice is sent alone and timed until its first delivery.
var head = 2L * (warmup + notices);
var sentAt = new ConcurrentDictionary<string, long>();
var receivedAt = new ConcurrentDictionary<string, long>();
using var stop = new CancellationTokenSource();
var call = client.SubscribeNotices(new SubscribeNoticesRequest { AfterPosition = head }, Bearer(falun, stop.Token));
var reader = Task.Run(async () =>
{
    try
    {
        await foreach (var delivery in call.ResponseStream.ReadAllAsync(stop.Token))
        {
            // The first copy of each notice (the stream may beat the send call's response).
            if (delivery.Notice is { } n) receivedAt.TryAdd(n.CaseId, Stopwatch.GetTimestamp());
        }
    }
    catch (Exception ex) when (ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
    {
    }
});
await Task.Delay(500);
for (var i = 0; i < samples; i++)
{
    var request = Admission();
    var started = Stopwatch.GetTimestamp();
    var response = await client.SendAdmissionNoticeAsync(request, region);
    sentAt[response.Accepted.CaseId] = started;
    await Task.Delay(20);
}
var until = DateTime.UtcNow.AddSeconds(10);
while (sentAt.Keys.Any(k => !receivedAt.ContainsKey(k)) && DateTime.UtcNow < until) await Task.Delay(50);
stop.Cancel();
await reader;

var sorted = sentAt.Where(s => receivedAt.ContainsKey(s.Key))
    .Select(s => Stopwatch.GetElapsedTime(s.Value, receivedAt[s.Key]).TotalMilliseconds).Order().ToList();
var missing = samples - sorted.Count;
if (sorted.Count == 0)
{
    Console.WriteLine("fan-out: no deliveries received");
    return 1;
}
Console.WriteLine($"fan-out (send call start → delivery on the subscriber's stream), {sorted.Count}/{samples} samples: " +
    $"p50 {Percentile(sorted, 0.50):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, max {sorted[^1]:F1} ms; missing {missing}");
return missing == 0 ? 0 : 1;

async Task SendManyAsync(int count, int callers)
{
    var remaining = count;
    await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
    {
        while (Interlocked.Decrement(ref remaining) >= 0)
        {
            await client.SendAdmissionNoticeAsync(Admission(), region);
        }
    }));
}

static SendAdmissionNoticeRequest Admission()
{
    var admitted = DateTimeOffset.UtcNow.AddHours(-2);
    var request = new SendAdmissionNoticeRequest
    {
        RequestId = Guid.NewGuid().ToString(),
        ActingUnit = new UnitRef { Id = "20-slv-falun-med" },
        Patient = new Patient
        {
            PersonalIdentityNumber = new PersonalIdentityNumber { Value = RandomNumber() },
            GivenName = "Bench",
            FamilyName = "Patient",
        },
        ResidenceMunicipality = new OrganisationRef { Code = "2080" },
        AdmittedAt = Timestamp.FromDateTimeOffset(admitted),
        CareType = CareType.Somatic,
        Consent = new Consent { GivenAt = Timestamp.FromDateTimeOffset(admitted), Form = ConsentForm.Verbal, Giver = ConsentGiver.Patient, Scopes = { ConsentScope.SendNotices } },
    };
    var estimate = admitted.AddDays(5);
    request.EstimatedDischargeDate = new Google.Type.Date { Year = estimate.Year, Month = estimate.Month, Day = estimate.Day };
    request.Needs.AddRange([CareNeed.SocialServices, CareNeed.MunicipalHealthCare]);
    return request;
}

// A fresh valid number per notice (one open case per patient): random date and birth number.
static string RandomNumber()
{
    var date = new DateOnly(1925, 1, 1).AddDays(Random.Shared.Next(0, 36_000));
    var nine = $"{date.Year % 100:D2}{date.Month:D2}{date.Day:D2}{Random.Shared.Next(0, 1000):D3}";
    return $"{date.Year / 100:D2}{nine}{Samverkan.SharedKernel.Identity.PersonalIdentityNumber.LuhnCheckDigit(nine)}";
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static CallOptions Bearer(string token, CancellationToken cancellationToken = default) =>
    new(new Metadata { { "Authorization", "Bearer " + token } }, cancellationToken: cancellationToken);
