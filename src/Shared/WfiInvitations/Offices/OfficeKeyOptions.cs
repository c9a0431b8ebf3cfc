namespace Pilot.Shared.WfiInvitations.Offices;

/// <summary>
/// Settings under <c>Offices:</c>: which key belongs to which Jobcentre office. Only SHA-256 hashes
/// (hex) are configured, so the settings never hold a usable key.
/// </summary>
public sealed class OfficeKeyOptions
{
    public const string Section = "Offices";

    /// <summary><c>Offices:Keys:{officeId}</c> = hex SHA-256 of that office's key (the office id is a Jobcentre venue id).</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Hex SHA-256 of the central key that may read every office's invitations and figures.</summary>
    public string AdminKeySha256 { get; set; } = "";
}
