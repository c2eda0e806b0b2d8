using System.Text;
using Xunit.Sdk;

namespace Samverkan.TestSupport.Telemetry;

// "No personal data (names, personnummer, free text) in logs, traces or metrics", checked on what the
// processes actually exported: send requests carrying known personal data through the platform, then
// AssertNoneContains(receiver.Received, values).
public static class TelemetryPrivacy
{
    // Fails naming every place (signal, service, span or logger, attribute) that holds one of the values,
    // compared case-insensitively. Resource attributes are process metadata and are skipped by the
    // structured search, but the raw check below covers them with everything else.
    public static void AssertNoneContains(ReceivedTelemetry telemetry, IEnumerable<string> personalData)
    {
        var values = personalData.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct().ToList();
        if (values.Count == 0)
        {
            throw new ArgumentException("Name at least one value to look for.", nameof(personalData));
        }

        var findings = TelemetryText.All(telemetry)
            .SelectMany(item => values
                .Where(value => item.Text.Contains(value, StringComparison.OrdinalIgnoreCase))
                .Select(value => $"'{value}' in {item.Location}: {Shorten(item.Text)}"))
            .Distinct()
            .ToList();

        // Belt and braces: the raw bytes of every export request, so a field this OTLP subset does not
        // model (or a future exporter adds) cannot hide a value. Protobuf strings are plain UTF-8.
        if (findings.Count == 0)
        {
            findings.AddRange(telemetry.Payloads.SelectMany(payload => values
                .Where(value => payload.Bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0)
                .Select(value => $"'{value}' in a {payload.Signal} export from {string.Join(", ", payload.ServiceNames)} (a field the receiver does not model)")));
        }

        if (findings.Count > 0)
        {
            throw new XunitException(
                $"Personal data in exported telemetry ({findings.Count} places):{Environment.NewLine}" +
                string.Join(Environment.NewLine, findings.Take(50)));
        }
    }

    public static void AssertNoneContains(ReceivedTelemetry telemetry, params string[] personalData) =>
        AssertNoneContains(telemetry, (IEnumerable<string>)personalData);

    // The ways a personnummer or samordningsnummer is written: 12 digits with or without the dash,
    // and the 10-digit forms (with dash, or "+" from the year a person turns 100).
    public static IReadOnlyList<string> PersonalIdentityNumberForms(string twelveDigits)
    {
        if (twelveDigits.Length != 12 || !twelveDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Expected 12 digits (YYYYMMDDNNNC), got '{twelveDigits}'.", nameof(twelveDigits));
        }

        var ten = twelveDigits[2..];
        return [twelveDigits, $"{twelveDigits[..8]}-{twelveDigits[8..]}", ten, $"{ten[..6]}-{ten[6..]}", $"{ten[..6]}+{ten[6..]}"];
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
