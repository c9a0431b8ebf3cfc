namespace Pilot.Shared.WfiInvitations.Offices;

/// <summary>Who called, from their key: one office, or the central administrator (every office).</summary>
public sealed record OfficeCaller(string? OfficeId)
{
    public static readonly OfficeCaller Admin = new((string?)null);

    public bool IsAdmin => OfficeId is null;

    /// <summary>Whether the caller may see an invitation of this office.</summary>
    public bool Covers(string officeId) => IsAdmin || string.Equals(OfficeId, officeId, StringComparison.Ordinal);
}
