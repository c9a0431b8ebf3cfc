using System.Text.RegularExpressions;

namespace Pilot.Infra.Tests.Settings;

/// <summary>How the tests recognise a secret by its name (the last part of a setting or parameter name).</summary>
public static partial class Secrets
{
    public static bool LooksSecret(string name) => SecretName().IsMatch(name.Split(':', '_').Last());

    [GeneratedRegex("(Token|Key|Password|Secret|ConnectionString)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
