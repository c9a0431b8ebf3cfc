namespace Pilot.Infra.Tests.Settings;

/// <summary>A setting the code reads, and where it was found.</summary>
/// <param name="Name">The configuration key, with <c>:</c> (<c>Sms:Twilio:From</c>).</param>
/// <param name="Source">The options property or trigger that reads it.</param>
/// <param name="IsList">Bound to a collection: its app settings are <c>Name__0</c>, <c>Name__1</c>...</param>
public sealed record CodeSetting(string Name, string Source, bool IsList = false)
{
    /// <summary>The app setting name on Linux, where <c>:</c> is not allowed in a name.</summary>
    public string AppSettingName => Name.Replace(":", "__", StringComparison.Ordinal);
}
