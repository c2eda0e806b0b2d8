using Google.Protobuf.WellKnownTypes;
using Samverkan.SharedKernel.Rules;

namespace Samverkan.ServiceCore.Grpc;

// Instants are google.protobuf.Timestamp, calendar days google.type.Date, in every contract.
// Malformed or missing values are INVALID_ARGUMENT naming the field.
public static class ProtoTime
{
    public static Timestamp ToProto(DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    public static Timestamp? ToProto(DateTimeOffset? instant) => instant is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    public static Google.Type.Date ToProto(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static DateTimeOffset Required(Timestamp? timestamp, string field) =>
        Optional(timestamp, field) ?? throw RuleViolation.Invalid(field, $"{field} is required.");

    public static DateTimeOffset? Optional(Timestamp? timestamp, string field)
    {
        if (timestamp is null) return null;
        try
        {
            return timestamp.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw RuleViolation.Invalid(field, $"{field} is not a valid timestamp.");
        }
    }

    public static DateOnly Required(Google.Type.Date? date, string field)
    {
        if (date is null || date.Year == 0)
        {
            throw RuleViolation.Invalid(field, $"{field} is required (a full date: year, month and day).");
        }
        if (date.Month is < 1 or > 12 || date.Day < 1 || date.Year is < 1 or > 9999 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            throw RuleViolation.Invalid(field, $"{field} is not a valid calendar date.");
        }
        return new DateOnly(date.Year, date.Month, date.Day);
    }
}
