namespace Samverkan.AppHost.Hosting;

// How one resource is started and how its readiness is checked.
public sealed record LaunchPlan(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    IHealthProbe? HealthProbe);
