using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Samverkan.TestSupport.Store;

namespace Samverkan.Store.Tests;

// builder.AddDocumentStore as a service's Program.cs uses it, against the default store kind.
public sealed class StoreRegistrationTests(StoreServerFixture fixture) : IClassFixture<StoreServerFixture>
{
    [Fact]
    public void A_missing_connection_string_fails_with_what_to_set()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddDocumentStore("discharge"));

        Assert.Contains("ConnectionStrings__store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_commit_connections_come_from_the_Store_section()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["ConnectionStrings:store"] = "127.0.0.1:1";
        builder.Configuration["Store:CommitConnections"] = "5";

        builder.AddDocumentStore("discharge");

        using var services = builder.Services.BuildServiceProvider();
        Assert.Equal(5, services.GetRequiredService<DocumentStoreOptions>().CommitConnections);
    }

    [Fact]
    public void Without_configuration_the_default_number_of_commit_connections_applies()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["ConnectionStrings:store"] = "127.0.0.1:1";

        builder.AddDocumentStore("discharge");

        using var services = builder.Services.BuildServiceProvider();
        Assert.Equal(DocumentStoreOptions.DefaultCommitConnections, services.GetRequiredService<DocumentStoreOptions>().CommitConnections);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("100000")]
    public void An_impossible_number_of_commit_connections_fails_at_startup_naming_the_setting(string value)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["ConnectionStrings:store"] = "127.0.0.1:1";
        builder.Configuration["Store:CommitConnections"] = value;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddDocumentStore("discharge"));

        Assert.Contains("Store:CommitConnections", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task The_store_health_check_reports_a_running_store_healthy()
    {
        await using var host = StoreHost.Create(fixture.Server, StoreHost.NewKeyspace());

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Entries["store"].Status);
    }

    [StoreFact]
    public async Task The_store_health_check_reports_a_stopped_store_unhealthy()
    {
        var server = await StoreServer.StartNewAsync(fixture.Kind);
        var connectionString = server.ConnectionString;
        await server.DisposeAsync();
        await using var host = StoreHost.Create(connectionString + ",connectTimeout=500,asyncTimeout=1000", StoreHost.NewKeyspace());

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["store"].Status);
    }
}
