using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Samverkan.Gateway.Tests.Protos;

namespace Samverkan.Gateway.Tests.Overload;

// One system client's callers that retry at once after ResourceExhausted (no back-off), as in
// issue #22, and what each call ended with. Bounded by `duration` and the number of callers.
// Half the callers send their request message TrailingBodyDelay after the call's headers (a
// client-streaming call with one message on the same path: the same bytes on the wire as a unary
// call), as a caller across a real network does when the message travels in a later TCP segment;
// on loopback a unary call's message nearly always arrives with its headers, so the refusal
// would rarely come first.
public sealed class RetryStorm
{
    public static readonly TimeSpan TrailingBodyDelay = TimeSpan.FromMilliseconds(50);

    private static readonly Method<EchoRequest, EchoReply> TrailingBodySay = new(MethodType.ClientStreaming,
        "samverkan.gatewaytest.v1.Echo", "Say",
        Marshallers.Create(m => m.ToByteArray(), EchoRequest.Parser.ParseFrom),
        Marshallers.Create(m => m.ToByteArray(), EchoReply.Parser.ParseFrom));

    private readonly ConcurrentDictionary<StatusCode, int> _statuses = new();
    private readonly ConcurrentDictionary<string, int> _details = new();
    private int _refusalsWithoutHint;

    public IReadOnlyDictionary<StatusCode, int> Statuses => _statuses;
    public int RefusalsWithoutHint => _refusalsWithoutHint;
    public int Calls => _statuses.Values.Sum();

    // Status -> one example message per status other than OK/ResourceExhausted (for the failure text).
    public IReadOnlyDictionary<string, int> UnexpectedDetails => _details;

    public static async Task<RetryStorm> RunAsync(GrpcChannel channel, int callers, TimeSpan duration)
    {
        var client = new Echo.EchoClient(channel);
        var invoker = channel.CreateCallInvoker();
        var storm = new RetryStorm();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                await (i % 2 == 0 ? storm.CallAsync(client, i) : storm.CallWithTrailingBodyAsync(invoker, i));
            }
        })));
        return storm;
    }

    private Task CallAsync(Echo.EchoClient client, int caller) =>
        Observe(client.SayAsync(new EchoRequest { Message = $"storm {caller}" }, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);

    private async Task CallWithTrailingBodyAsync(CallInvoker invoker, int caller)
    {
        using var call = invoker.AsyncClientStreamingCall(TrailingBodySay, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10)));
        try
        {
            await Task.Delay(TrailingBodyDelay);
            await call.RequestStream.WriteAsync(new EchoRequest { Message = $"storm {caller}" });
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
        {
            // The call already ended (e.g. refused); its status is read below.
        }
        await Observe(call.ResponseAsync);
    }

    private async Task Observe(Task<EchoReply> response)
    {
        try
        {
            await response;
            Count(StatusCode.OK);
        }
        catch (RpcException e)
        {
            Count(e.StatusCode);
            if (e.StatusCode == StatusCode.ResourceExhausted)
            {
                if (e.Trailers.GetValue("grpc-retry-pushback-ms") is null) Interlocked.Increment(ref _refusalsWithoutHint);
            }
            else
            {
                _details.AddOrUpdate($"{e.StatusCode}: {e.Status.Detail}", 1, (_, n) => n + 1);
            }
        }
    }

    private void Count(StatusCode status) => _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);

    public override string ToString() =>
        string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}")) +
        (_details.IsEmpty ? "" : "; unexpected: " + string.Join("; ", _details.Take(5).Select(d => $"{d.Key} (x{d.Value})")));
}
