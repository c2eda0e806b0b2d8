using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Samverkan.DischargeNotices.Application.Configuration;
using Samverkan.DischargeNotices.Domain.Payment;

namespace Samverkan.DischargeNotices.Tests.Unit.Application;

// Issue #16.8: the amount per care day of a new year is configuration, set by the county's
// operations without a new release (docs/discharge-notices.md, "Amounts per care day").
public sealed class PaymentConfigurationTests
{
    [Fact]
    public void A_year_added_as_an_environment_variable_style_key_is_used()
    {
        // PaymentResponsibility__DailyAmountsSek__2024=11000 as an environment variable is this key.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PaymentResponsibility:DailyAmountsSek:2024"] = "11000" })
            .Build();
        var options = configuration.GetSection(PaymentResponsibilityOptions.SectionName).Get<PaymentResponsibilityOptions>()!;

        Assert.Equal(11_000, options.DailyAmounts().AmountFor(2024));
        Assert.Throws<MissingDailyAmountException>(() => options.DailyAmounts().AmountFor(2025));
    }

    [Fact]
    public async Task A_year_added_to_the_deployed_settings_file_applies_to_the_next_computation_without_a_restart()
    {
        var directory = Directory.CreateTempSubdirectory("discharge-amounts-");
        try
        {
            var file = Path.Combine(directory.FullName, "appsettings.json");
            await File.WriteAllTextAsync(file, """{ "PaymentResponsibility": { "DailyAmountsSek": { "2023": 10500 } } }""");
            var configuration = new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: true).Build();
            await using var services = new ServiceCollection()
                .Configure<PaymentResponsibilityOptions>(configuration.GetSection(PaymentResponsibilityOptions.SectionName))
                .BuildServiceProvider();
            var monitor = services.GetRequiredService<IOptionsMonitor<PaymentResponsibilityOptions>>();
            Assert.Throws<MissingDailyAmountException>(() => monitor.CurrentValue.DailyAmounts().AmountFor(2024));

            var changed = new TaskCompletionSource();
            using var subscription = monitor.OnChange(_ => changed.TrySetResult());
            await File.WriteAllTextAsync(file, """{ "PaymentResponsibility": { "DailyAmountsSek": { "2023": 10500, "2024": 11000 } } }""");
            await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(11_000, monitor.CurrentValue.DailyAmounts().AmountFor(2024));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
