using Microsoft.Extensions.Configuration;

namespace Pilot.Shared.Secrets;

/// <summary>
/// A setting that holds a secret, checked at start-up by <see cref="SecretCheck"/>. <see cref="Name"/> may end in
/// <c>:*</c> for every setting under a section (<c>Offices:Keys:*</c>: one per office).
/// </summary>
/// <param name="WhenEmpty">What the app does when it is empty, or why it is required; for the start-up message.</param>
/// <param name="IsRequired">Whether it must be set under this configuration (a provider's secret only when that provider is used).</param>
public sealed record SecretSetting(string Name, string WhenEmpty, Func<IConfiguration, bool> IsRequired)
{
    private const string Wildcard = ":*";

    /// <summary>The app cannot work without it: an empty value stops the start.</summary>
    public static SecretSetting Required(string name, string why) => new(name, why, _ => true);

    /// <summary>Required only when <paramref name="applies"/> holds (<paramref name="why"/> says when).</summary>
    public static SecretSetting RequiredWhen(string name, string why, Func<IConfiguration, bool> applies) => new(name, why, applies);

    /// <summary>May be empty: <paramref name="whenEmpty"/> says what the app then does (it refuses, never guesses).</summary>
    public static SecretSetting Optional(string name, string whenEmpty) => new(name, whenEmpty, _ => false);

    public bool IsSection => Name.EndsWith(Wildcard, StringComparison.Ordinal);

    /// <summary>Whether a configuration key (<c>A:B:C</c>) is this setting, or under this section.</summary>
    public bool Matches(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return IsSection
            ? key.StartsWith(Name[..^1], StringComparison.OrdinalIgnoreCase) && key.Length > Name.Length - 1 && !key[(Name.Length - 1)..].Contains(':', StringComparison.Ordinal)
            : string.Equals(key, Name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The settings this entry names in <paramref name="configuration"/>, with their values (a single one may be absent: null).</summary>
    public IEnumerable<KeyValuePair<string, string?>> ValuesIn(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!IsSection)
        {
            return [new(Name, configuration[Name])];
        }

        return configuration.GetSection(Name[..^Wildcard.Length]).GetChildren()
            .Where(c => !c.GetChildren().Any())
            .Select(c => new KeyValuePair<string, string?>(c.Path, c.Value));
    }
}
