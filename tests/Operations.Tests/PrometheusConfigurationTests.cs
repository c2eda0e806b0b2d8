using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Samverkan.AppHost.Platform;
using Xunit;

namespace Samverkan.Operations.Tests;

// The scrape configuration is generated from the AppHost's real model (AppHost/Program.cs), not from
// a list kept beside it: a resource added there must be scraped without anyone editing a file.
public sealed class PrometheusConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("samverkan-ops-").FullName;

    // The AppHost's project path, walked up to the folder that holds the alert rules.
    internal static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(Projects.AppHost.ProjectPath);
            while (!File.Exists(Path.Combine(directory.FullName, PrometheusExtensions.AlertRulesPath)))
            {
                directory = directory.Parent ?? throw new InvalidOperationException($"No {PrometheusExtensions.AlertRulesPath} above {Projects.AppHost.ProjectPath}");
            }
            return directory.FullName;
        }
    }

    private static string AlertRules => Path.Combine(RepositoryRoot, PrometheusExtensions.AlertRulesPath);

    [Fact]
    public async Task Generated_scrape_configuration_names_every_project_resource_on_its_metrics_port()
    {
        var resources = await ModelResourcesAsync();
        var projects = resources.OfType<ProjectResource>().ToList();
        var yaml = ScrapeConfiguration.Render(PrometheusExtensions.ScrapeTargets(resources), AlertRules);

        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            Assert.Contains($"job_name: '{project.Name}'", yaml);
        }
        // The gRPC services and the gateway are scraped on their HTTP/1.1 management port, never on
        // the h2c gRPC port Prometheus cannot speak.
        foreach (var project in projects.Where(p => p.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == "management")))
        {
            var management = project.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "management");
            var target = Assert.Single(PrometheusExtensions.ScrapeTargets(resources), t => t.Job == project.Name);
            Assert.Equal($"127.0.0.1:{management.Port}", target.Address);
        }
        Assert.Contains(resources.OfType<ProjectResource>(), p => p.Name == "sip-plans");
        Assert.Contains(resources.OfType<ProjectResource>(), p => p.Name == "gateway");
    }

    [PromtoolFact]
    public async Task Promtool_accepts_the_generated_configuration_with_its_rule_file()
    {
        var resources = await ModelResourcesAsync();
        var path = Path.Combine(_directory, "prometheus.yml");
        await File.WriteAllTextAsync(path, ScrapeConfiguration.Render(PrometheusExtensions.ScrapeTargets(resources), AlertRules));

        var (exitCode, output) = await Promtool.RunAsync("check", "config", path);

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS", output);
    }

    [PromtoolFact]
    public async Task Promtool_accepts_the_alert_rules()
    {
        var (exitCode, output) = await Promtool.RunAsync("check", "rules", AlertRules);

        Assert.True(exitCode == 0, output);
        Assert.Contains("9 rules found", output);
    }

    // deploy/prometheus/alerts.test.yml: the lag, deadline and login rules fire on the series the
    // services export and stay quiet below their thresholds.
    [PromtoolFact]
    public async Task Promtool_unit_tests_of_the_alert_rules_pass()
    {
        var (exitCode, output) = await Promtool.RunAsync("test", "rules", Path.Combine(RepositoryRoot, "deploy/prometheus/alerts.test.yml"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS", output);
    }

    [PromtoolFact]
    public async Task Promtool_rejects_a_broken_configuration_so_the_checks_above_can_fail()
    {
        var path = Path.Combine(_directory, "broken.yml");
        // Two jobs with one name, as a model with a resource declared twice would give.
        await File.WriteAllTextAsync(path, ScrapeConfiguration.Render(
            [new ScrapeTarget("sip-plans", "127.0.0.1:5401"), new ScrapeTarget("sip-plans", "127.0.0.1:6401")], AlertRules));

        var (exitCode, _) = await Promtool.RunAsync("check", "config", path);

        Assert.NotEqual(0, exitCode);
    }

    // The model as Program.cs declares it (nothing started), with its data kept in a scratch directory.
    private async Task<IReadOnlyList<IResource>> ModelResourcesAsync()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["--data-dir", _directory], (options, _) => options.DisableDashboard = true);
        return [.. builder.Resources];
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
