using System.Diagnostics.CodeAnalysis;

namespace Pilot.Shared.Sms.Acs;

/// <summary>The parts of an ACS connection string: <c>endpoint=...;accesskey=...</c>.</summary>
public sealed record AcsConnectionString(Uri Endpoint, byte[] AccessKey)
{
    public static bool TryParse(string? value, [NotNullWhen(true)] out AcsConnectionString? parsed)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        string? endpoint = null;
        string? key = null;
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = part[..equals].Trim();
            var text = part[(equals + 1)..].Trim();
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = text;
            }
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
            {
                key = text;
            }
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || key is null)
        {
            return false;
        }

        try
        {
            parsed = new AcsConnectionString(uri, Convert.FromBase64String(key));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static AcsConnectionString Parse(string value) =>
        TryParse(value, out var parsed) ? parsed : throw new FormatException("Sms:Acs:ConnectionString must be endpoint=https://...;accesskey=<base64>");
}
