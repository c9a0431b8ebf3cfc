namespace Pilot.Shared.Access;

/// <summary>
/// The principal behind a credential: a role and, for an office or a centre, whose. Records that belong to
/// an office (parents, appointments, invitations) are read by that office and by central, and changed by
/// that office only; any other caller is told they do not exist.
/// </summary>
public sealed record Caller(Role Role, string? Id)
{
    public static readonly Caller Central = new(Role.Central, null);
    public static readonly Caller Feed = new(Role.Feed, null);
    public static readonly Caller Operator = new(Role.Operator, null);

    public static Caller Office(string officeId) => new(Role.Office, officeId);

    public static Caller Centre(string venueId) => new(Role.Centre, venueId);

    /// <summary>The office this caller acts for, or null for any other role.</summary>
    public string? OfficeId => Role == Role.Office ? Id : null;

    /// <summary>How logs and records name the caller: <c>office:jcp-lambeth</c>, <c>centre:cc-...</c>, <c>central</c>.</summary>
    public string Principal => Id is null ? Name(Role) : $"{Name(Role)}:{Id}";

    /// <summary>Whether the caller may read a record owned by this office (central reads every office's).</summary>
    public bool CanRead(string? ownerOfficeId)
        => Role == Role.Central || CanChange(ownerOfficeId);

    /// <summary>Whether the caller may change a record owned by this office: only that office.</summary>
    public bool CanChange(string? ownerOfficeId)
        => Role == Role.Office && ownerOfficeId is not null && string.Equals(Id, ownerOfficeId, StringComparison.Ordinal);

    public static string Name(Role role) => role.ToString().ToLowerInvariant();
}
