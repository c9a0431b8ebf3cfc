namespace Pilot.Shared.Access;

public enum AccessVerdict
{
    Admitted,

    /// <summary>No key, or a key that is no one's: 401.</summary>
    Unauthenticated,

    /// <summary>A known principal whose role the endpoint does not admit: 403.</summary>
    Forbidden,
}

/// <summary>Whether a caller may use an endpoint that admits these roles; nothing is admitted by default.</summary>
public static class AccessDecision
{
    public static AccessVerdict Decide(IReadOnlyCollection<Role> admitted, Caller? caller)
    {
        ArgumentNullException.ThrowIfNull(admitted);
        return caller is null ? AccessVerdict.Unauthenticated
            : admitted.Contains(caller.Role) ? AccessVerdict.Admitted
            : AccessVerdict.Forbidden;
    }

    /// <summary>"office or central", for the 403 message.</summary>
    public static string Describe(IReadOnlyCollection<Role> admitted)
    {
        ArgumentNullException.ThrowIfNull(admitted);
        var names = admitted.Select(Caller.Name).ToList();
        return names.Count switch
        {
            0 => "no role",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1],
        };
    }
}
