using Grpc.Net.Client;

namespace Samverkan.GatewayBench;

// One HTTP/2 channel per target, disposed at the end.
public sealed class ChannelSet : IDisposable
{
    private readonly Dictionary<Uri, GrpcChannel> _channels = [];

    public GrpcChannel For(Uri address)
    {
        if (!_channels.TryGetValue(address, out var channel))
        {
            channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            });
            _channels[address] = channel;
        }
        return channel;
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values) channel.Dispose();
    }
}
