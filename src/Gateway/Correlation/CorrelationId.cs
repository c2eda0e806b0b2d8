namespace Samverkan.Gateway.Correlation;

// The x-correlation-id that ties one caller request to everything the platform does for it.
// A caller may send its own (e.g. the id of the message in its system); anything that is not a
// short token of safe characters is replaced, so the value can never smuggle text into logs.
public static class CorrelationId
{
    public const string HeaderName = "x-correlation-id";
    public const int MaxLength = 64;

    public static bool IsAcceptable(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength) return false;
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')) return false;
        }
        return true;
    }

    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
