using Microsoft.Extensions.Time.Testing;

namespace Pilot.ProviderSimulators.Tests.Support;

internal static class TestCredentials
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "0123456789abcdef0123456789abcdef";

    // 32 bytes, base64, like an ACS access key.
    public const string AcsKey = "c2ltdWxhdG9yLWFjY2Vzcy1rZXktMzItYnl0ZXMhIQ==";
    public const string OtherAcsKey = "b3RoZXItYWNjZXNzLWtleS1vZi0zMi1ieXRlcyEhIQ==";

    public static SimulatorOptions Options => new(AccountSid, AuthToken, AcsKey);

    public static Task<ProviderSimulator> StartAsync() => ProviderSimulator.StartAsync(Options);

    public static Task<ProviderSimulator> StartAsync(FakeTimeProvider time) => ProviderSimulator.StartAsync(Options with { Time = time });
}
