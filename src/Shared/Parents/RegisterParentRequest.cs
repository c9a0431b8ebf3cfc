namespace Pilot.Shared.Parents;

/// <summary>The body of <c>POST /api/parents</c>.</summary>
public sealed record RegisterParentRequest(
    string? FirstName,
    string? Mobile,
    AddressRequest? Address,
    string? PreferredLanguage,
    ConsentsRequest? Consents);

public sealed record AddressRequest(IReadOnlyList<string?>? Lines, string? Postcode);

public sealed record ConsentsRequest(bool? Reminders);

public sealed record ParentRegistered(string Id);
