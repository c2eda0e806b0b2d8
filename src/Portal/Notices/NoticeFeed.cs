using Grpc.Core;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.Portal.Authentication;
using Samverkan.Portal.Gateway;

namespace Samverkan.Portal.Notices;

// The discharge service's notice stream (SubscribeNotices, server streaming through the gateway)
// for one circuit: pages listen to Changed and re-read what they show, so a new notice appears
// without the user doing anything. Resumes from the last position after a dropped stream (with a
// fresh token); stops for good when the session has ended.
public sealed class NoticeFeed(GatewayCalls calls, ILogger<NoticeFeed> logger) : IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _position;
    private int _pending;

    // Raised (at most once per quiet period) after notices arrived.
    public event Func<Task>? Changed;

    public bool Connected { get; private set; }

    public void Start() => _loop ??= Task.Run(() => RunAsync(_stop.Token));

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var call = calls.Discharge.SubscribeNotices(
                    new SubscribeNoticesRequest { AfterPosition = _position },
                    await calls.OptionsAsync(stop, streaming: true));
                Connected = true;
                await foreach (var delivery in call.ResponseStream.ReadAllAsync(stop))
                {
                    _position = delivery.Position;
                    if (delivery.Notice is not null) Signal(stop);
                }
            }
            catch (SessionEndedException)
            {
                return;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated)
            {
                return;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && stop.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException ex)
            {
                // A status code only: no personal data in logs.
                logger.LogInformation("Notice stream ended with {Status}; resuming", ex.StatusCode);
                if (ex.StatusCode == StatusCode.FailedPrecondition) _position = 0;
            }
            Connected = false;
            await Task.Delay(RetryDelay, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    // Many deliveries in a row (a catch-up after connecting) give one refresh.
    private void Signal(CancellationToken stop)
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1) return;
        _ = Task.Delay(Quiet, stop).ContinueWith(async _ =>
        {
            Interlocked.Exchange(ref _pending, 0);
            if (Changed is { } changed && !stop.IsCancellationRequested) await changed();
        }, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }
}
