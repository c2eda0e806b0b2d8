using Samverkan.DischargeNotices.Application.Queries;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.DischargeNotices.Tests.Integration.Support;

// Runs a subscription until it has delivered the expected number of notices (then disconnects, as a
// client that goes away would), or fails after a timeout.
public static class SubscriptionProbe
{
    public static async Task<IReadOnlyList<FeedDelivery>> ReceiveAsync(DischargeApp app, CallerIdentity caller, long afterPosition,
        int notices, string? unit = null, Func<Task>? whileConnected = null)
    {
        var received = new List<FeedDelivery>();
        using var disconnect = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var run = app.Subscription.RunAsync(caller, unit, afterPosition, delivery =>
        {
            lock (received)
            {
                received.Add(delivery);
                if (received.Count(d => d.Item is not null) >= notices) disconnect.Cancel();
            }
            return Task.CompletedTask;
        }, disconnect.Token);

        if (whileConnected is not null) await whileConnected();
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
        }
        lock (received)
        {
            Assert.True(received.Count(d => d.Item is not null) >= notices,
                $"Expected {notices} notices, got {received.Count(d => d.Item is not null)} before the timeout.");
            return received.Where(d => d.Item is not null).ToList();
        }
    }
}
