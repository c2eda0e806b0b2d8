using Grpc.Core;
using Samverkan.Gateway.Tests.Protos;

namespace Samverkan.Gateway.Tests.Backend;

public sealed class EchoService(BackendState state) : Echo.EchoBase
{
    // Request headers the tests inspect to see what the gateway forwarded.
    public static readonly string[] ReportedHeaders =
    [
        "authorization", "cookie", "x-correlation-id", "traceparent", "x-forwarded-for", "x-forwarded-proto",
        "x-forwarded-host", "grpc-timeout", "content-type",
    ];

    public override Task<EchoReply> Say(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(Reply(request.Message, context));

    public override async Task<EchoReply> Slow(SlowRequest request, ServerCallContext context)
    {
        try
        {
            await Task.Delay(request.DelayMs, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            state.Record(request.CallId, SlowCallOutcome.Cancelled);
            throw;
        }
        state.Record(request.CallId, SlowCallOutcome.Completed);
        return Reply(request.CallId, context);
    }

    public override async Task Stream(StreamRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        for (var i = 1; i <= request.Count; i++)
        {
            if (i > 1)
            {
                await Task.Delay(request.IntervalMs, context.CancellationToken);
            }
            var reply = Reply("stream", context);
            reply.Sequence = i;
            await responseStream.WriteAsync(reply, context.CancellationToken);
        }
    }

    private EchoReply Reply(string message, ServerCallContext context)
    {
        var reply = new EchoReply
        {
            Message = message,
            Backend = state.Name,
            DeadlineRemainingMs = context.Deadline == DateTime.MaxValue
                ? -1
                : (long)(context.Deadline - DateTime.UtcNow).TotalMilliseconds,
        };
        var headers = context.GetHttpContext().Request.Headers;
        foreach (var name in ReportedHeaders)
        {
            reply.Headers[name] = headers[name].ToString();
        }
        return reply;
    }
}
