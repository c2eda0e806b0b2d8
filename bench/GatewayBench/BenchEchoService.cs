using Grpc.Core;
using Samverkan.GatewayBench.Protos;

namespace Samverkan.GatewayBench;

public sealed class BenchEchoService : Echo.EchoBase
{
    public override Task<EchoReply> Say(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoReply { Message = request.Message });
}
