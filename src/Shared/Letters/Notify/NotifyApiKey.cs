namespace Pilot.Shared.Letters.Notify;

/// <summary>
/// A GOV.UK Notify API key, <c>{key name}-{service id}-{secret}</c>, where the service id and the secret
/// are each a 36-character UUID at the end (the key name may itself contain hyphens), as Notify's own
/// clients split it.
/// </summary>
public sealed record NotifyApiKey(string ServiceId, string Secret)
{
    private const int UuidLength = 36;

    public static bool TryParse(string? value, out NotifyApiKey? key)
    {
        key = null;
        value = value?.Trim();
        // name (1+) + '-' + service id (36) + '-' + secret (36)
        if (value is null || value.Length < 2 * UuidLength + 3
            || value[^(UuidLength + 1)] != '-' || value[^(2 * UuidLength + 2)] != '-')
        {
            return false;
        }

        var serviceId = value[^(2 * UuidLength + 1)..^(UuidLength + 1)];
        var secret = value[^UuidLength..];
        if (!Guid.TryParseExact(serviceId, "D", out _) || !Guid.TryParseExact(secret, "D", out _))
        {
            return false;
        }

        key = new NotifyApiKey(serviceId, secret);
        return true;
    }

    public static NotifyApiKey Parse(string? value) =>
        TryParse(value, out var key)
            ? key!
            : throw new FormatException("Letters:Notify:ApiKey must be a GOV.UK Notify API key: {key name}-{service id}-{secret key}.");

    // The secret must never reach a log through a record's generated ToString.
    public override string ToString() => $"NotifyApiKey {{ ServiceId = {ServiceId} }}";
}
