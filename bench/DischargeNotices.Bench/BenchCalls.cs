using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Discharge.V1;
using Patient = Samverkan.Contracts.Discharge.V1.Patient;
using PersonalIdentityNumber = Samverkan.Contracts.Common.V1.PersonalIdentityNumber;

namespace Samverkan.DischargeNotices.Bench;

// The calls the benchmark makes, each a bounded closed loop of `concurrency` callers.
public static class BenchCalls
{
    public static async Task<PathResult> SendNoticesAsync(Contracts.Discharge.V1.DischargeNotices.DischargeNoticesClient client, CallOptions caller,
        int count, int concurrency, ConcurrentBag<string> caseIds)
    {
        var remaining = count;
        var latencies = new ConcurrentQueue<double>();
        long errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var response = await client.SendAdmissionNoticeAsync(Admission(), caller);
                    latencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    caseIds.Add(response.Accepted.CaseId);
                }
                catch (RpcException ex)
                {
                    if (Interlocked.Increment(ref errors) <= 3) ReportError(ex);
                }
            }
        }));
        return new PathResult(latencies.Count, errors, watch.Elapsed, [.. latencies]);
    }

    public static async Task<PathResult> ReadCasesAsync(Contracts.Discharge.V1.DischargeNotices.DischargeNoticesClient client, CallOptions caller,
        string[] caseIds, TimeSpan duration, int concurrency)
    {
        var latencies = new ConcurrentQueue<double>();
        long errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var i = worker; watch.Elapsed < duration && errors < 1000; i += concurrency)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await client.GetCaseAsync(new GetCaseRequest { CaseId = caseIds[i % caseIds.Length] }, caller);
                    latencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (RpcException ex)
                {
                    if (Interlocked.Increment(ref errors) <= 3) ReportError(ex);
                }
            }
        }));
        return new PathResult(latencies.Count, errors, watch.Elapsed, [.. latencies]);
    }

    // Falun's system subscribes at the head of its feed (`head`: every notice so far put two entries
    // on it, social services and municipal health care); each notice is sent alone and timed until
    // its first delivery on the stream.
    public static async Task<FanOutResult> FanOutAsync(Contracts.Discharge.V1.DischargeNotices.DischargeNoticesClient client, CallOptions sender,
        string subscriberToken, long head, int samples)
    {
        var sentAt = new ConcurrentDictionary<string, long>();
        var receivedAt = new ConcurrentDictionary<string, long>();
        using var stop = new CancellationTokenSource();
        var call = client.SubscribeNotices(new SubscribeNoticesRequest { AfterPosition = head }, Bearer(subscriberToken, stop.Token));
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
            var started = Stopwatch.GetTimestamp();
            var response = await client.SendAdmissionNoticeAsync(Admission(), sender);
            sentAt[response.Accepted.CaseId] = started;
            await Task.Delay(20);
        }
        var until = DateTime.UtcNow.AddSeconds(10);
        while (sentAt.Keys.Any(k => !receivedAt.ContainsKey(k)) && DateTime.UtcNow < until) await Task.Delay(50);
        await stop.CancelAsync();
        await reader;

        var sorted = sentAt.Where(s => receivedAt.ContainsKey(s.Key))
            .Select(s => Stopwatch.GetElapsedTime(s.Value, receivedAt[s.Key]).TotalMilliseconds).Order().ToList();
        return new FanOutResult(samples, sorted);
    }

    // Errors are counted in the table; the first few are shown so a count never goes unexplained.
    private static void ReportError(RpcException ex) => Console.Error.WriteLine($"call failed: {ex.StatusCode}: {ex.Status.Detail}");

    public static CallOptions Bearer(string token, CancellationToken cancellationToken = default) =>
        new(new Metadata { { "Authorization", "Bearer " + token } }, cancellationToken: cancellationToken);

    private static SendAdmissionNoticeRequest Admission()
    {
        var admitted = DateTimeOffset.UtcNow.AddHours(-2);
        var request = new SendAdmissionNoticeRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            ActingUnit = new UnitRef { Id = "20-slv-falun-med" },
            Patient = new Patient
            {
                PersonalIdentityNumber = new PersonalIdentityNumber { Value = NextPatientNumber() },
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

    // A fresh valid number per notice (one open case per patient): day and birth number from a counter,
    // so no two notices of a run share a patient (random numbers collided once runs grew to thousands).
    private static long _patients;

    private static string NextPatientNumber()
    {
        var n = Interlocked.Increment(ref _patients);
        var date = new DateOnly(1925, 1, 1).AddDays((int)(n % 36_000));
        var nine = $"{date.Year % 100:D2}{date.Month:D2}{date.Day:D2}{1 + n / 36_000 % 999:D3}";
        return $"{date.Year / 100:D2}{nine}{Samverkan.SharedKernel.Identity.PersonalIdentityNumber.LuhnCheckDigit(nine)}";
    }
}
