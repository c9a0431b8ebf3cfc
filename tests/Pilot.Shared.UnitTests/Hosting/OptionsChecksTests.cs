using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pilot.Shared.Sms;

namespace Pilot.Shared.UnitTests.Hosting;

/// <summary>Every options class is checked when the app starts (the same start-up validation the worker and the runner run).</summary>
public sealed class OptionsChecksTests
{
    [Fact]
    public void Settings_that_cannot_work_stop_the_app_at_start_up_each_named()
    {
        var failures = StartUpFailures(new()
        {
            ["Reminders:SendingLeaseSeconds"] = "0",
            ["Reminders:MaxMinutesPerTick"] = "0",
            ["Reminders:ScheduledSendConcurrency"] = "0",
            ["Reminders:DaysBefore"] = "1,two",
            ["Reminders:SendQueue"] = " ",
            ["Retention:Days"] = "0",
            ["Sms:QuietHoursStart"] = "9pm",
            ["Vacancies:DigestTime"] = "six",
        });

        Assert.Contains(failures, f => f.StartsWith("Reminders:SendingLeaseSeconds must be from 10 to 3600 (it is 0)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Reminders:MaxMinutesPerTick must be from 1 to 1440", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Reminders:ScheduledSendConcurrency must be from 1 to 256 (it is 0)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Reminders:DaysBefore must be whole numbers", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Reminders:SendQueue is empty", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Retention:Days must be from 1 to 3650", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Sms:QuietHoursStart and Sms:QuietHoursEnd must be HH:mm", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Vacancies:DigestTime must be HH:mm", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_settings_pass_every_options_check()
    {
        var failures = StartUpFailures([]);

        // Only the secrets (none given here) may fail; every other options class is happy with its defaults.
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.True(f.StartsWith("Wfi:TokenSigningKey", StringComparison.Ordinal) || f.StartsWith("Sms:NumberKeySecret", StringComparison.Ordinal), f));
        Assert.DoesNotContain(failures, f => f.StartsWith("Reminders:", StringComparison.Ordinal) || f.StartsWith("Retention:", StringComparison.Ordinal) || f.StartsWith("Vacancies:", StringComparison.Ordinal));
    }

    [Fact]
    public void Quiet_hours_are_parsed_once_and_again_only_when_the_settings_change()
    {
        var options = new SmsOptions();

        var first = options.QuietHours();
        Assert.Same(first, options.QuietHours());

        options.QuietHoursStart = "22:00";
        Assert.Equal(new TimeOnly(22, 0), options.QuietHours().Start);
    }

    private static List<string> StartUpFailures(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddPilot(configuration);
        using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (Exception thrown)
        {
            return [.. (thrown is AggregateException many ? many.InnerExceptions : [thrown]).OfType<OptionsValidationException>().SelectMany(e => e.Failures)];
        }
    }
}
