namespace Pilot.Shared.Secrets;

/// <summary>What a secret setting's value can be told from without knowing the secret.</summary>
public static class SecretValue
{
    /// <summary>
    /// How an App Service Key Vault reference starts. When the platform cannot resolve one (no such secret, no access),
    /// it leaves this literal text as the setting's value: a guessable string, never a key.
    /// </summary>
    public const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    public static bool IsUnresolvedKeyVaultReference(string? value) =>
        value is not null && value.Trim().StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Set, and not an unresolved reference: something a request may be checked against.</summary>
    public static bool IsUsable(string? value) => !string.IsNullOrWhiteSpace(value) && !IsUnresolvedKeyVaultReference(value);
}
