using System.Text;

namespace Samverkan.AppHost.Hosting;

public static class EnvironmentNames
{
    // Aspire's "simplified" variable names: upper case, anything outside [A-Za-z0-9_] becomes '_'
    // (discharge-notices -> DISCHARGE_NOTICES). The services__ keys keep the name verbatim.
    public static string Encode(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? char.ToUpperInvariant(c) : '_');
        }

        return builder.ToString();
    }
}
