using System.Security.Cryptography;

namespace Samverkan.AppHost.Platform;

public static class GeneratedSecretExtensions
{
    // A secret parameter (Parameters:{name} sets it) whose default is generated once and kept in
    // {data-dir}/parameters/{name}: it belongs to the data (the person references it keyed), so it
    // lives and dies with that data, and a second copy with its own data has its own key.
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name, PlatformOptions platform, int bytes = 32) =>
        builder.AddParameter(name, new PersistedRandomDefault(Path.Combine(platform.DataDirectoryFor("parameters"), name), bytes), secret: true);

    private sealed class PersistedRandomDefault(string path, int bytes) : ParameterDefault
    {
        public override string GetDefaultValue()
        {
            if (File.Exists(path))
            {
                return File.ReadAllText(path).Trim();
            }

            var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));
            File.WriteAllText(path, value);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            return value;
        }

        // Publishing asks the deployment for a generated value instead of exporting this one.
        public override void WriteToManifest(ManifestPublishingContext context) =>
            new GenerateParameterDefault { MinLength = 44 }.WriteToManifest(context);
    }
}
