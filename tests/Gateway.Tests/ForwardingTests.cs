using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;
using Samverkan.Gateway.Tests.Infrastructure;
using Samverkan.Gateway.Tests.Protos;

namespace Samverkan.Gateway.Tests;

// What the gateway adds to, keeps in and removes from a forwarded call.
[Collection(GatewayCollection.Name)]
public sealed class ForwardingTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_correlation_id_is_generated_forwarded_and_returned()
    {
        var client = new Echo.EchoClient(gateway.Channel(await gateway.SystemTokenAsync("falun")));

        using var call = client.SayAsync(new EchoRequest { Message = "hej" });
        var reply = await call.ResponseAsync;
        var returned = (await call.ResponseHeadersAsync).GetValue("x-correlation-id");

        Assert.False(string.IsNullOrEmpty(returned));
        Assert.Equal(returned, reply.Headers["x-correlation-id"]);
    }

    [Fact]
    public async Task The_callers_correlation_id_is_kept_and_an_unsafe_one_replaced()
    {
        var client = new Echo.EchoClient(gateway.Channel(await gateway.SystemTokenAsync("falun")));

        var kept = await client.SayAsync(new EchoRequest(), new Metadata { { "x-correlation-id", "lifecare-4711" } });
        var replaced = await client.SayAsync(new EchoRequest(), new Metadata { { "x-correlation-id", "<script>" } });

        Assert.Equal("lifecare-4711", kept.Headers["x-correlation-id"]);
        Assert.NotEqual("<script>", replaced.Headers["x-correlation-id"]);
        Assert.NotEqual("", replaced.Headers["x-correlation-id"]);
    }

    [Fact]
    public async Task The_trace_continues_through_the_gateway_as_one_trace()
    {
        var client = new Echo.EchoClient(gateway.Channel(await gateway.SystemTokenAsync("falun")));
        var traceId = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();

        var reply = await client.SayAsync(new EchoRequest(), new Metadata { { "traceparent", $"00-{traceId}-{callerSpan}-01" } });

        var forwarded = reply.Headers["traceparent"].Split('-');
        Assert.Equal(traceId.ToString(), forwarded[1]);
        // The gateway's own span sits between the caller and the service.
        Assert.NotEqual(callerSpan.ToString(), forwarded[2]);
    }

    [Fact]
    public async Task Cookies_never_reach_a_service_while_the_token_and_forwarded_headers_do()
    {
        var token = await gateway.SystemTokenAsync("falun");
        var client = new Echo.EchoClient(gateway.Channel(token));

        var reply = await client.SayAsync(new EchoRequest(), new Metadata { { "cookie", ".AspNetCore.Cookies=session" } });

        Assert.Equal("", reply.Headers["cookie"]);
        Assert.Equal($"Bearer {token}", reply.Headers["authorization"]);
        Assert.Equal("127.0.0.1", reply.Headers["x-forwarded-for"]);
        Assert.Equal("http", reply.Headers["x-forwarded-proto"]);
    }

    [Fact]
    public async Task A_request_over_the_routes_size_limit_is_ResourceExhausted()
    {
        var client = new Echo.EchoClient(gateway.Channel(await gateway.SystemTokenAsync("falun")));
        var padding = ByteString.CopyFrom(new byte[GatewayTimings.EchoMaxRequestBodySize + 1]);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.SayAsync(new EchoRequest { Padding = padding }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains($"{GatewayTimings.EchoMaxRequestBodySize} bytes", error.Status.Detail);
    }

    [Fact]
    public async Task A_request_within_the_size_limit_is_forwarded()
    {
        var client = new Echo.EchoClient(gateway.Channel(await gateway.SystemTokenAsync("falun")));
        var padding = ByteString.CopyFrom(new byte[GatewayTimings.EchoMaxRequestBodySize - 64]);

        var reply = await client.SayAsync(new EchoRequest { Message = "big", Padding = padding });

        Assert.Equal("big", reply.Message);
    }

    [Fact]
    public async Task A_gRPC_Web_call_over_HTTP_1_1_reaches_a_backend_that_speaks_only_native_gRPC()
    {
        using var http = gateway.Http1Client();
        var message = new EchoRequest { Message = "from the browser" }.ToByteArray();
        var frame = new byte[5 + message.Length];
        frame[4] = (byte)message.Length;
        message.CopyTo(frame, 5);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/samverkan.gatewaytest.v1.Echo/Say")
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc-web+proto");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await gateway.SystemTokenAsync("falun"));
        request.Headers.Add("x-grpc-web", "1");

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.StartsWith("application/grpc-web", response.Content.Headers.ContentType?.MediaType);
        // Body: one message frame (flag 0) then one trailer frame (flag 0x80) carrying grpc-status 0.
        Assert.Equal(0, body[0]);
        var length = (body[1] << 24) | (body[2] << 16) | (body[3] << 8) | body[4];
        var reply = EchoReply.Parser.ParseFrom(body.AsSpan(5, length));
        Assert.Equal("from the browser", reply.Message);
        // The backend received native gRPC: the gateway translated gRPC-Web.
        Assert.StartsWith("application/grpc", reply.Headers["content-type"]);
        Assert.DoesNotContain("grpc-web", reply.Headers["content-type"]);
        var trailers = System.Text.Encoding.ASCII.GetString(body.AsSpan(5 + length + 5));
        Assert.Equal(0x80, body[5 + length]);
        Assert.Contains("grpc-status:0", trailers.Replace(" ", "", StringComparison.Ordinal));
    }
}
