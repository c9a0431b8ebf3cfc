using System.Text.RegularExpressions;
using Pilot.Shared.Secrets;

namespace Pilot.Shared.UnitTests.Secrets;

/// <summary>The development secrets are read from the settings template and the runner's defaults themselves, so the check and the files agree.</summary>
public sealed partial class DevelopmentSecretsTests
{
    [Fact]
    public void The_development_values_come_from_the_template_and_the_runner_defaults()
    {
        Assert.Contains("local-event-grid-key", DevelopmentSecrets.KnownValues); // the runner's appsettings.json
        Assert.Contains(DevelopmentSecrets.ValueOf("Wfi:TokenSigningKey")!, DevelopmentSecrets.KnownValues); // the template
        Assert.Contains(DevelopmentSecrets.ValueOf("Sms:NumberKeySecret")!, DevelopmentSecrets.KnownValues);
        Assert.DoesNotContain("", DevelopmentSecrets.KnownValues);
        Assert.DoesNotContain("Information", DevelopmentSecrets.KnownValues); // not a secret setting's value
    }

    [Fact]
    public void Every_setting_in_the_template_that_looks_secret_is_in_the_registry()
    {
        var unregistered = DevelopmentSecrets.All.Select(s => s.Key)
            .Where(k => SecretName().IsMatch(k.Split(':').Last()))
            .Where(k => !SecretSettings.All.Any(s => s.Matches(k)))
            .Distinct()
            .ToList();

        Assert.True(unregistered.Count == 0, $"Settings that look secret but are not in SecretSettings.All (so never checked at start-up): {string.Join(", ", unregistered)}");
    }

    [Fact]
    public void The_runner_and_the_template_give_a_secret_the_same_development_value()
    {
        var differing = DevelopmentSecrets.All
            .Where(s => SecretSettings.All.Any(secret => secret.Matches(s.Key)))
            .GroupBy(s => s.Key, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(s => s.Value).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToList();

        Assert.Empty(differing);
    }

    [Fact]
    public void Each_required_secret_has_a_development_value_long_enough_to_start_with()
    {
        Assert.True(DevelopmentSecrets.ValueOf("Wfi:TokenSigningKey")!.Length >= 32);
        Assert.True(DevelopmentSecrets.ValueOf("Sms:NumberKeySecret")!.Length >= 32);
    }

    [GeneratedRegex("(Token|Key|Secret|Password|ConnectionString)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
