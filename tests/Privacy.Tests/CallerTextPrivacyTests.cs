using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Samverkan.TestSupport.Telemetry;
using Contract = Samverkan.Contracts.Discharge.V1.DischargeNotices;

namespace Samverkan.Privacy.Tests;

// Issue #15, item 3: caller-supplied text never reaches a log line, trace or metric. Every string
// field of every discharge RPC gets a personnummer-shaped value (one field at a time, and all at
// once), over gRPC and over JSON (where enum fields get one too, as text); then every process's
// console output and everything it exported over OTLP is searched for each of them in every
// written form. The values do reach the service's validation: refusals quote them back to the
// caller, which is allowed - only the logs, traces and metrics must not keep them.
public sealed class CallerTextPrivacyTests(PrivacyPlatform platform) : IClassFixture<PrivacyPlatform>
{
    private readonly CallerText _text = new();
    private readonly List<string> _answers = [];

    [Fact]
    public async Task No_caller_text_of_any_discharge_RPC_reaches_logs_traces_or_metrics()
    {
        var tokens = platform.Identity.CreateTokenClient();
        string[] callers =
        [
            (await tokens.GetSystemTokenAsync("region-dalarna")).AccessToken,
            (await tokens.GetUserTokenAsync("karin.nyberg")).AccessToken,
            (await tokens.GetSystemTokenAsync("falun")).AccessToken,
        ];

        foreach (var token in callers)
        {
            await SendAdmissionWithOneWrongFieldAsync(token);
            foreach (var method in Contract.Descriptor.Methods)
            {
                foreach (var request in Requests(method.InputType))
                {
                    await CallGrpcAsync(method, request, token);
                    await CallJsonAsync(method, request, token, extra: null);
                }
                foreach (var path in CallerText.EnumFields(method.InputType))
                {
                    await CallJsonAsync(method, CallerText.Build(method.InputType, []), token, extra: (path, _text.Next()));
                }
            }
        }

        // The values reached the service's validation (its refusals quote them to the caller).
        Assert.Contains(_answers, answer => _text.Sent.Any(value => answer.Contains(value, StringComparison.Ordinal)));

        await WaitForExportsAsync();
        var forms = _text.Sent.SelectMany(TelemetryPrivacy.PersonalIdentityNumberForms).ToList();
        foreach (var (name, output) in platform.Outputs)
        {
            var found = forms.Where(form => output.Contains(form, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(found.Count == 0, $"{name} wrote caller text to its console ({string.Join(", ", found.Take(5))}):\n{Around(output, found)}");
        }
        TelemetryPrivacy.AssertNoneContains(platform.Telemetry.Received, forms);
    }

    // The review's example: a well-formed admission notice (valid patient) with a personnummer in
    // the municipality code, the acting unit or the care type.
    private async Task SendAdmissionWithOneWrongFieldAsync(string token)
    {
        foreach (var (field, value) in new[] { ("residenceMunicipality", "code"), ("actingUnit", "id"), ("outpatientUnit", "id"), ("careType", null) })
        {
            var json = Admission();
            var wrong = _text.Next();
            if (value is null) json[field] = wrong;
            else json[field] = new JsonObject { [value] = wrong };

            using var http = platform.CreateJsonClient(token);
            using var response = await http.PostAsJsonAsync("/api/discharge/v1/cases", json);
            Record(await response.Content.ReadAsStringAsync());

            if (value is not null)
            {
                var request = JsonParser.Default.Parse<Samverkan.Contracts.Discharge.V1.SendAdmissionNoticeRequest>(json.ToJsonString());
                await CallGrpcAsync(Contract.Descriptor.FindMethodByName("SendAdmissionNotice"), request, token);
            }
        }
    }

    private JsonObject Admission()
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-10);
        var discharge = now.AddDays(5);
        return new JsonObject
        {
            ["requestId"] = Guid.NewGuid().ToString(),
            ["patient"] = new JsonObject
            {
                ["personalIdentityNumber"] = new JsonObject { ["value"] = _text.Next() },
                ["givenName"] = "Tolvan",
                ["familyName"] = "Tolvansson",
            },
            ["residenceMunicipality"] = new JsonObject { ["code"] = "2080" },
            ["admittedAt"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["needs"] = new JsonArray("CARE_NEED_SOCIAL_SERVICES"),
            ["careType"] = "CARE_TYPE_SOMATIC",
            ["estimatedDischargeDate"] = new JsonObject { ["year"] = discharge.Year, ["month"] = discharge.Month, ["day"] = discharge.Day },
            ["consent"] = new JsonObject
            {
                ["scopes"] = new JsonArray("CONSENT_SCOPE_SEND_NOTICES"),
                ["givenAt"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["form"] = "CONSENT_FORM_VERBAL",
                ["giver"] = "CONSENT_GIVER_PATIENT",
            },
        };
    }

    // One request per string field (that field alone set), then one with every string field set.
    private IEnumerable<IMessage> Requests(MessageDescriptor input)
    {
        var fields = CallerText.StringFields(input);
        foreach (var path in fields) yield return CallerText.Build(input, [(path, _text.Next())]);
        if (fields.Count > 1) yield return CallerText.Build(input, fields.Select(path => (path, (object)_text.Next())));
    }

    private async Task CallGrpcAsync(MethodDescriptor method, IMessage request, string token)
    {
        var invoker = platform.Channel.CreateCallInvoker();
        var options = new CallOptions(new Metadata { { "Authorization", "Bearer " + token } }, deadline: DateTime.UtcNow.AddSeconds(2));
        var grpcMethod = new Method<IMessage, IMessage>(
            method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary, method.Service.FullName, method.Name,
            Marshaller(method.InputType), Marshaller(method.OutputType));
        try
        {
            if (method.IsServerStreaming)
            {
                using var call = invoker.AsyncServerStreamingCall(grpcMethod, null, options, request);
                while (await call.ResponseStream.MoveNext(CancellationToken.None)) Record(call.ResponseStream.Current.ToString());
            }
            else
            {
                Record((await invoker.AsyncUnaryCall(grpcMethod, null, options, request).ResponseAsync).ToString());
            }
        }
        catch (RpcException refused)
        {
            Record(refused.Status.Detail);
        }
    }

    // The method's HTTP rule: path parameters from the request (a placeholder where unset), the
    // rest in the body (POST) or the query string (GET); 'extra' adds one field as raw JSON text.
    private async Task CallJsonAsync(MethodDescriptor method, IMessage request, string token, (FieldDescriptor[] Path, string Value)? extra)
    {
        var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http)
            ?? throw new InvalidOperationException($"{method.Name} has no HTTP rule.");
        var isGet = rule.PatternCase == HttpRule.PatternOneofCase.Get;
        var template = isGet ? rule.Get : rule.Post;
        var body = JsonNode.Parse(JsonFormatter.Default.Format(request))!.AsObject();

        var path = new StringBuilder();
        var bound = new HashSet<string>();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                path.Append(template[i]);
                continue;
            }
            var end = template.IndexOf('}', i);
            var name = template[(i + 1)..end];
            bound.Add(name);
            path.Append(Uri.EscapeDataString(ValueAt(request, name) ?? "1"));
            i = end;
        }

        var query = new List<string>();
        if (isGet)
        {
            foreach (var field in CallerText.StringFields(method.InputType).Where(f => !bound.Contains(CallerText.ProtoPath(f))))
            {
                if (ValueAt(request, CallerText.ProtoPath(field)) is { Length: > 0 } value)
                {
                    query.Add($"{CallerText.JsonPath(field)}={Uri.EscapeDataString(value)}");
                }
            }
            if (extra is { } e) query.Add($"{CallerText.JsonPath(e.Path)}={Uri.EscapeDataString(e.Value)}");
        }
        else if (extra is { } e)
        {
            var node = body;
            foreach (var field in e.Path[..^1])
            {
                node[field.JsonName] ??= new JsonObject();
                node = node[field.JsonName]!.AsObject();
            }
            var leaf = e.Path[^1];
            node[leaf.JsonName] = leaf.IsRepeated ? new JsonArray(e.Value) : e.Value;
        }

        var url = path + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        using var http = platform.CreateJsonClient(token);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            using var message = new HttpRequestMessage(isGet ? HttpMethod.Get : HttpMethod.Post, url);
            if (!isGet) message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            Record(await response.Content.ReadAsStringAsync(cancel.Token));
        }
        catch (OperationCanceledException)
        {
            // A subscription that stayed open: nothing was refused.
        }
    }

    private static string? ValueAt(IMessage message, string protoPath)
    {
        object? current = message;
        foreach (var name in protoPath.Split('.'))
        {
            if (current is not IMessage m || m.Descriptor.FindFieldByName(name) is not { } field) return null;
            current = field.Accessor.GetValue(m);
        }
        return current switch
        {
            string s => s.Length > 0 ? s : null,
            int or long or uint or ulong => current.ToString(),
            _ => null,
        };
    }

    // Waits until every process has exported logs and the exporters' next rounds have run.
    private async Task WaitForExportsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var exported = platform.Telemetry.Received.LogRecords.Select(r => r.ServiceName).ToHashSet();
            if (platform.ServiceNames.All(exported.Contains)) break;
            await Task.Delay(250);
        }
        await Task.Delay(TimeSpan.FromSeconds(3));
        var names = platform.Telemetry.Received.LogRecords.Select(r => r.ServiceName).ToHashSet();
        Assert.All(platform.ServiceNames, name => Assert.Contains(name, names));
    }

    private void Record(string? answer)
    {
        lock (_answers) _answers.Add(answer ?? "");
    }

    private static Marshaller<IMessage> Marshaller(MessageDescriptor descriptor) =>
        Marshallers.Create(message => message.ToByteArray(), bytes => descriptor.Parser.ParseFrom(bytes));

    private static string Around(string output, List<string> found)
    {
        // Each line with its predecessor: the console formatter names the logger there.
        var lines = output.Split('\n');
        var shown = Enumerable.Range(0, lines.Length)
            .Where(i => found.Any(f => lines[i].Contains(f, StringComparison.OrdinalIgnoreCase)))
            .Take(20)
            .Select(i => (i > 0 ? lines[i - 1] + "\n" : "") + lines[i]);
        return string.Join('\n', shown);
    }
}
