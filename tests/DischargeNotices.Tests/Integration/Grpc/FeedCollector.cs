using Grpc.Core;
using Samverkan.Contracts.Discharge.V1;

namespace Samverkan.DischargeNotices.Tests.Integration.Grpc;

// A subscriber's stream in the background, keeping the notices of one case. Disposing it
// disconnects, as a municipal system that goes away would.
public sealed class FeedCollector : IDisposable
{
    private readonly CancellationTokenSource _disconnect = new();
    private readonly AsyncServerStreamingCall<NoticeDelivery> _call;
    private readonly List<NoticeDelivery> _received = [];
    private readonly Task _reading;

    public FeedCollector(Samverkan.Contracts.Discharge.V1.DischargeNotices.DischargeNoticesClient client, string token, long afterPosition, string caseId)
    {
        _call = client.SubscribeNotices(new SubscribeNoticesRequest { AfterPosition = afterPosition },
            DischargePlatform.Bearer(token, _disconnect.Token));
        _reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var delivery in _call.ResponseStream.ReadAllAsync(_disconnect.Token))
                {
                    if (delivery.Notice?.CaseId != caseId) continue;
                    lock (_received) _received.Add(delivery);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException || (ex is RpcException rpc && rpc.StatusCode == StatusCode.Cancelled))
            {
            }
        });
    }

    public async Task<IReadOnlyList<NoticeDelivery>> WaitForAsync(int count, int timeoutSeconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < until)
        {
            lock (_received)
            {
                if (_received.Count >= count) return _received.ToList();
            }
            if (_reading.IsFaulted) await _reading;
            await Task.Delay(50);
        }
        lock (_received)
        {
            throw new TimeoutException($"Expected {count} deliveries for the case, got {_received.Count}.");
        }
    }

    public void Dispose()
    {
        _disconnect.Cancel();
        _call.Dispose();
        _disconnect.Dispose();
    }
}
