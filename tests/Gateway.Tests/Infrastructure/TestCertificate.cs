using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Samverkan.Gateway.Tests.Infrastructure;

// A self-signed server certificate for 127.0.0.1/localhost, written as a password-protected PFX
// for Kestrel (Kestrel:Endpoints:{name}:Certificate:Path/Password). Clients pin it by thumbprint
// instead of trusting it machine-wide or accepting any certificate.
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(X509Certificate2 certificate, string pfxPath, string password)
    {
        Certificate = certificate;
        PfxPath = pfxPath;
        Password = password;
    }

    public X509Certificate2 Certificate { get; }
    public string PfxPath { get; }
    public string Password { get; }

    public static TestCertificate Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=samverkan-gateway-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false)); // server auth
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var path = Path.Combine(Path.GetTempPath(), $"samverkan-gateway-test-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, created.Export(X509ContentType.Pfx, password));
        return new TestCertificate(X509CertificateLoader.LoadCertificate(created.Export(X509ContentType.Cert)), path, password);
    }

    // Accepts exactly this certificate.
    public bool IsPinned(X509Certificate? presented) =>
        presented is not null && presented.GetCertHashString(HashAlgorithmName.SHA256) == Certificate.GetCertHashString(HashAlgorithmName.SHA256);

    public void Dispose()
    {
        Certificate.Dispose();
        File.Delete(PfxPath);
    }
}
