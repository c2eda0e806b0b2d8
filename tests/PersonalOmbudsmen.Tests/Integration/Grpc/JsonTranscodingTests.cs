using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Samverkan.PersonalOmbudsmen.Tests.Integration.Grpc.TestRequests;

namespace Samverkan.PersonalOmbudsmen.Tests.Integration.Grpc;

// HTTP/JSON through the gateway, as a system without gRPC uses it: the same rules and statuses.
[Collection(OmbudPlatformCollection.Name)]
public sealed class JsonTranscodingTests(OmbudPlatform platform)
{
    [Fact]
    public async Task An_assignment_opened_over_json_reads_back_and_bad_input_is_a_400_with_the_field()
    {
        using var karl = platform.CreateJsonClient(await platform.UserTokenAsync("karl.holm"));
        var body = Google.Protobuf.JsonFormatter.Default.Format(Open(Adult()));

        using var opened = await karl.PostAsync("/api/ombud/v1/assignments", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var id = (string)JsonNode.Parse(await opened.Content.ReadAsStringAsync())!["assignmentId"]!;

        using var read = await karl.GetAsync($"/api/ombud/v1/assignments/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("Agnes", (string)JsonNode.Parse(await read.Content.ReadAsStringAsync())!["client"]!["givenName"]!);

        var young = Open(Samverkan.PersonalOmbudsmen.Tests.Support.TestClients.Number(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-16)).Value);
        using var refused = await karl.PostAsync("/api/ombud/v1/assignments",
            new StringContent(Google.Protobuf.JsonFormatter.Default.Format(young), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var status = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal(3, (int)status["code"]!);
        Assert.Contains("client.personal_identity_number", status.ToJsonString());

        using var anna = platform.CreateJsonClient(await platform.UserTokenAsync("anna.lind"));
        using var denied = await anna.GetAsync($"/api/ombud/v1/assignments/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }
}
