namespace Pilot.Shared.Parents;

/// <summary>The body of <c>POST /api/parents</c>.</summary>
public sealed record RegisterParentRequest(
    string? FirstName,
    string? Mobile,
    AddressRequest? Address,
    string? PreferredLanguage,
    ConsentsRequest? Consents)
{
    /// <summary>Optional: the family name, for letters.</summary>
    public string? LastName { get; init; }
}

public sealed record AddressRequest(IReadOnlyList<string?>? Lines, string? Postcode);

public sealed record ConsentsRequest(bool? Reminders);

public sealed record ParentRegistered(string Id);
