using System.Text;
using Samverkan.PersonalOmbudsmen.Tests.Support;
using Samverkan.TestSupport.Store;
using StackExchange.Redis;

namespace Samverkan.PersonalOmbudsmen.Tests.Integration.Store;

// The scanner the shredding tests rely on must find a secret in every form it claims to search,
// in the store and in its files after compaction; otherwise "nothing found" would prove nothing.
public class ScannerSelfTests(StoreServerFixture fixture) : IClassFixture<StoreServerFixture>
{
    [StoreFact]
    public async Task Finds_a_secret_in_each_form_in_the_store_and_in_its_files()
    {
        const string secret = "Sigrid Ödmark-Kontrollsson";
        using var connection = await ConnectionMultiplexer.ConnectAsync(fixture.Server.ConnectionString + ",allowAdmin=true");
        var db = connection.GetDatabase();
        var forms = SecretForms.Of(secret).ToList();
        Assert.Contains(forms, f => f.Form == "base64@1");
        Assert.Contains(forms, f => f.Form == "json-escaped");

        foreach (var (form, _) in forms)
        {
            // Each form embedded in a longer value, as it would be inside a document.
            var embedded = Embed(secret, form);
            var key = $"{{scan-self}}:{form}";
            await db.KeyDeleteAsync("{scan-self}:*");
            await db.HashSetAsync(key, "d", embedded);

            var values = await StoreScan.KeysAndValuesAsync(connection, fixture.Server);
            Assert.Contains($"control ({form})", SecretForms.FindIn(values, [("control", secret)]));
            await db.KeyDeleteAsync(key);
        }

        await db.StringSetAsync("{scan-self}:file", Embed(secret, "base64@2"));
        await StoreScan.CompactAsync(connection, fixture.Server);
        Assert.Contains("control (base64@2)", SecretForms.FindIn(StoreScan.Files(fixture.Server), [("control", secret)]));
        await db.KeyDeleteAsync("{scan-self}:file");
    }

    private static byte[] Embed(string secret, string form)
    {
        var utf8 = Encoding.UTF8.GetBytes(secret);
        byte[] inner = form switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(secret.ToUpperInvariant()),
            "utf-16le" => Encoding.Unicode.GetBytes(secret),
            "utf-16be" => Encoding.BigEndianUnicode.GetBytes(secret),
            "json-escaped" => Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { name = secret })),
            "hex" => Encoding.ASCII.GetBytes(Convert.ToHexString(utf8)),
            "hex-lower" => Encoding.ASCII.GetBytes(Convert.ToHexString(utf8).ToLowerInvariant()),
            _ when form.StartsWith("base64", StringComparison.Ordinal) => Encoding.ASCII.GetBytes(Base64(
                [.. new byte[form[^1] - '0'], .. utf8, 1, 2, 3], url: form.StartsWith("base64url", StringComparison.Ordinal))),
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };
        return [.. "{\"x\":\""u8, .. inner, .. "\"}"u8];
    }

    private static string Base64(byte[] bytes, bool url)
    {
        var text = Convert.ToBase64String(bytes);
        return url ? text.Replace('+', '-').Replace('/', '_') : text;
    }
}
