using Pilot.Shared.Parents;

namespace Pilot.Shared.Sms.Outbound.Policy;

/// <summary>Whether a text about a parent can reach them at all: they are still registered, have a mobile and have not texted STOP.</summary>
internal static class ParentReach
{
    /// <returns>The cancel reason, or null when the parent can be texted.</returns>
    public static string? WhyNot(ParentEntity? parent) => parent switch
    {
        null => "parent-missing",
        { Mobile: null or "" } => "no-mobile",
        { OptedOutAt: not null } => "opted-out",
        _ => null,
    };
}
