using Pilot.Shared.Secrets;

namespace Pilot.Shared.Sms.Acs;

/// <summary>Settings under <c>Sms:Acs</c>.</summary>
public sealed class AcsOptions
{
    public const string Section = "Sms:Acs";

    /// <summary><c>endpoint=https://...;accesskey=base64</c>, as the Azure portal gives it.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The ACS number (E.164) texts come from.</summary>
    public string From { get; set; } = "";

    public double MessagesPerSecond { get; set; } = 3;

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The missing or invalid settings, by name; empty when ACS can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add("Sms:Acs:ConnectionString is required");
        }
        else if (!SecretValue.IsUnresolvedKeyVaultReference(ConnectionString) && !AcsConnectionString.TryParse(ConnectionString, out _))
        {
            problems.Add("Sms:Acs:ConnectionString must be endpoint=https://...;accesskey=<base64>");
        }

        if (string.IsNullOrWhiteSpace(From))
        {
            problems.Add("Sms:Acs:From is required");
        }

        if (MessagesPerSecond <= 0)
        {
            problems.Add("Sms:Acs:MessagesPerSecond must be above 0");
        }

        if (TimeoutSeconds <= 0)
        {
            problems.Add("Sms:Acs:TimeoutSeconds must be above 0");
        }

        return problems;
    }
}
