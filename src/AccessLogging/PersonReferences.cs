using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Samverkan.AccessLogging;

public sealed class AccessLoggingOptions
{
    public const string SectionName = "AccessLogging";

    // Secret key for pseudonymous person references (base64, at least 32 bytes). The same key on
    // every service, so one person has one reference platform-wide; kept out of the store.
    public string PersonReferenceKey { get; set; } = "";

    // The resource name recorded as AccessRecord.service ("discharge-notices"). Defaults to
    // OTEL_SERVICE_NAME, which the launcher (or Aspire) sets to the resource name.
    public string ServiceName { get; set; } = "";
}

// Pseudonymous person reference: HMAC-SHA256 of the 12-digit personnummer under the platform key.
// Lets the access log be queried per person without storing the personnummer in it.
public sealed class PersonReferences
{
    private readonly byte[] _key;

    public PersonReferences(IOptions<AccessLoggingOptions> options)
    {
        var configured = options.Value.PersonReferenceKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException("Configuration missing value for: AccessLogging:PersonReferenceKey (base64, >= 32 bytes).");
        }
        _key = Convert.FromBase64String(configured);
        if (_key.Length < 32)
        {
            throw new InvalidOperationException("AccessLogging:PersonReferenceKey must decode to at least 32 bytes.");
        }
    }

    // personalIdentityNumber must already be validated and normalised to 12 digits.
    public string For(string personalIdentityNumber)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(personalIdentityNumber), hash);
        return "p_" + Convert.ToBase64String(hash[..18]).Replace('+', '-').Replace('/', '_');
    }
}
