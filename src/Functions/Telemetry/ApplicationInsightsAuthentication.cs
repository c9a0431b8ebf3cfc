namespace Pilot.Functions.Telemetry;

/// <summary>Reads <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (<c>ClientId=&lt;guid&gt;;Authorization=AAD</c>).</summary>
public static class ApplicationInsightsAuthentication
{
    /// <returns>The user-assigned identity's client id when the value asks for Entra (AAD) authorization with one; else null.</returns>
    public static string? ManagedIdentityClientId(string? authenticationString)
    {
        var parts = (authenticationString ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        return parts.TryGetValue("Authorization", out var authorization)
            && string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase)
            && parts.TryGetValue("ClientId", out var clientId)
            && !string.IsNullOrWhiteSpace(clientId)
                ? clientId
                : null;
    }
}
