using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Pilot.LocalRunner.Configuration;

/// <summary>
/// Replaces <c>%Name%</c> in an attribute value with the app setting <c>Name</c>, like the host's
/// name resolver. A missing setting is a start-up problem, as it is under the host.
/// </summary>
internal sealed partial class AppSettingResolver(IConfiguration configuration)
{
    /// <returns>The resolved value, or null after adding a problem for each missing setting.</returns>
    public string? Resolve(string template, string functionName, string what, ICollection<string> problems)
    {
        var missing = new List<string>();
        var resolved = SettingReference().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            var value = configuration[name];
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(name);
                return match.Value;
            }

            return value;
        });

        foreach (var name in missing)
        {
            problems.Add($"Function '{functionName}': the {what} '{template}' refers to the app setting '{name}', which is not set.");
        }

        return missing.Count == 0 ? resolved : null;
    }

    [GeneratedRegex("%([^%]+)%", RegexOptions.CultureInvariant)]
    private static partial Regex SettingReference();
}
