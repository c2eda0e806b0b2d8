using System.Net;

namespace Samverkan.AppHost.Hosting;

// GET /health answered 200. gRPC services listen h2c only, where an HTTP/1.1 request is refused,
// so they are asked over HTTP/2 with prior knowledge (Version 2.0 + RequestVersionExact).
public sealed class HttpHealthProbe(Uri uri, bool http2Only) : IHealthProbe
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(2),
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
    });

    public string Target => $"GET {uri}{(http2Only ? " (h2c)" : "")}";

    public string? LastFailure { get; private set; }

    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(5));
        using var request = new HttpRequestMessage(HttpMethod.Get, uri)
        {
            Version = http2Only ? HttpVersion.Version20 : HttpVersion.Version11,
            VersionPolicy = http2Only ? HttpVersionPolicy.RequestVersionExact : HttpVersionPolicy.RequestVersionOrLower,
        };

        try
        {
            using var response = await Client.SendAsync(request, attempt.Token);
            LastFailure = response.StatusCode == HttpStatusCode.OK ? null : $"answered {(int)response.StatusCode} {response.StatusCode}";
            return LastFailure is null;
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LastFailure = e is OperationCanceledException ? "no answer within 5 s" : e.Message;
            return false;
        }
    }
}
