using System.Security.Cryptography;

namespace Samverkan.AppHost.Hosting;

// A secret the launcher generates once and keeps in its data folder, so it survives restarts
// (the counterpart of Aspire's AddParameter(name, secret: true) with a generated default).
// Production sets the same configuration key from a real secret store instead.
public sealed class SecretParameter(string name, string filePath, int bytes)
{
    public string Name { get; } = name;

    public string Value()
    {
        if (File.Exists(filePath))
        {
            return File.ReadAllText(filePath).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));
        File.WriteAllText(filePath, value);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(filePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return value;
    }
}
