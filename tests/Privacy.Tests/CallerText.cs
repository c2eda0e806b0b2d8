using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Samverkan.Privacy.Tests;

// Fills protobuf requests with personnummer-shaped text: every string field (nested messages and
// repeated fields included) gets a different, valid-looking personnummer, so a leak names the
// field it came from. Everything sent is remembered in Sent.
public sealed class CallerText
{
    private const int MaxDepth = 4;
    private int _serial;
    private readonly List<string> _sent = [];

    public IReadOnlyList<string> Sent => _sent;

    // A new personnummer of someone born 1952-12-24 (serials 001, 002, ...), check digit valid.
    public string Next()
    {
        var nine = $"521224{Interlocked.Increment(ref _serial) % 1000:D3}";
        var value = "19" + nine + Luhn(nine);
        lock (_sent) _sent.Add(value);
        return value;
    }

    // The paths of every string field a request can carry, e.g. ["patient", "given_name"].
    public static List<FieldDescriptor[]> StringFields(MessageDescriptor descriptor) => Fields(descriptor, f => f.FieldType == FieldType.String);

    public static List<FieldDescriptor[]> EnumFields(MessageDescriptor descriptor) => Fields(descriptor, f => f.FieldType == FieldType.Enum);

    // A request with the given fields set (nested messages created, repeated fields one element).
    public static IMessage Build(MessageDescriptor descriptor, IEnumerable<(FieldDescriptor[] Path, object Value)> values)
    {
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        foreach (var (path, value) in values) Set(message, path, 0, value);
        return message;
    }

    public static string JsonPath(FieldDescriptor[] path) => string.Join('.', path.Select(f => f.JsonName));

    public static string ProtoPath(FieldDescriptor[] path) => string.Join('.', path.Select(f => f.Name));

    private static List<FieldDescriptor[]> Fields(MessageDescriptor descriptor, Func<FieldDescriptor, bool> wanted)
    {
        var result = new List<FieldDescriptor[]>();
        void Walk(MessageDescriptor current, List<FieldDescriptor> prefix)
        {
            foreach (var field in current.Fields.InDeclarationOrder())
            {
                if (field.IsMap) continue;
                var path = new List<FieldDescriptor>(prefix) { field };
                if (wanted(field)) result.Add([.. path]);
                else if (field.FieldType == FieldType.Message && path.Count < MaxDepth && !field.MessageType.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal))
                {
                    Walk(field.MessageType, path);
                }
            }
        }
        Walk(descriptor, []);
        return result;
    }

    private static void Set(IMessage message, FieldDescriptor[] path, int index, object value)
    {
        var field = path[index];
        var last = index == path.Length - 1;
        if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(message);
            if (last)
            {
                list.Add(value);
                return;
            }
            if (list.Count == 0) list.Add(Activator.CreateInstance(field.MessageType.ClrType)!);
            Set((IMessage)list[0]!, path, index + 1, value);
            return;
        }
        if (last)
        {
            field.Accessor.SetValue(message, value);
            return;
        }
        var child = (IMessage?)field.Accessor.GetValue(message);
        if (child is null)
        {
            child = (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
            field.Accessor.SetValue(message, child);
        }
        Set(child, path, index + 1, value);
    }

    private static int Luhn(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            var digit = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        return (10 - sum % 10) % 10;
    }
}
