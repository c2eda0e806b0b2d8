using System.Globalization;
using System.Text;
using Samverkan.TestSupport.Telemetry.Otlp.Common.V1;
using Samverkan.TestSupport.Telemetry.Otlp.Resource.V1;

namespace Samverkan.TestSupport.Telemetry;

// Reading OTLP attribute values as text.
public static class OtlpValues
{
    public const string UnknownService = "(no service.name)";

    public static string ServiceName(Resource? resource) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value is { } value ? Text(value) : UnknownService;

    // Any value as text: numbers invariant, bytes as UTF-8 (they may carry text), arrays and maps as JSON-like lists.
    public static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BytesValue => Encoding.UTF8.GetString(value.BytesValue.Span),
        AnyValue.ValueOneofCase.ArrayValue => $"[{string.Join(", ", value.ArrayValue.Values.Select(Text))}]",
        AnyValue.ValueOneofCase.KvlistValue => $"{{{string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {Text(kv.Value)}"))}}}",
        _ => "",
    };

    public static IReadOnlyDictionary<string, string> Texts(IEnumerable<KeyValue> attributes)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            texts[attribute.Key] = Text(attribute.Value);
        }

        return texts;
    }

    internal static IEnumerable<(string Key, string Text)> Flatten(IEnumerable<KeyValue> attributes) =>
        attributes.Select(a => (a.Key, Text(a.Value)));
}
