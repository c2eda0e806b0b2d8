using System.Globalization;
using System.Text;

namespace Samverkan.SharedKernel.Text;

// A value the caller sent, quoted in a refusal message so the integrator sees what was wrong.
// Bounded and printable: the message travels in the grpc-message trailer (and again inside
// grpc-status-details-bin), and a caller's 20,000-character field echoed there once made the
// answer larger than the gateway's HTTP/2 header limit, so the caller got Unavailable instead of
// InvalidArgument. Control and invisible characters are shown as \uXXXX so "looks right but is
// refused" can be diagnosed from the message alone.
public static class EchoedInput
{
    public const int MaxShownCharacters = 40;

    public static string Quote(string? value)
    {
        if (value is null) return "(unset)";
        var shown = new StringBuilder("'");
        foreach (var c in value.Length <= MaxShownCharacters ? value : value[..MaxShownCharacters])
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate)
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                shown.Append(c);
            }
        }
        shown.Append('\'');
        if (value.Length > MaxShownCharacters)
        {
            shown.Append(CultureInfo.InvariantCulture, $"… ({value.Length} characters)");
        }
        return shown.ToString();
    }
}
