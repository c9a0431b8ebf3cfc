using Pilot.Shared.Sms.Limits;
using Pilot.Shared.Storage;

namespace Pilot.Shared.UnitTests.Secrets;

public sealed class NumberKeysTests
{
    private static readonly byte[] Secret = "0123456789abcdef0123456789abcdef"u8.ToArray();
    private static readonly byte[] OtherSecret = "fedcba9876543210fedcba9876543210"u8.ToArray();

    [Fact]
    public void A_number_is_keyed_by_an_hmac_with_the_secret_not_by_its_bare_sha256()
    {
        var key = NumberKeys.KeyOf("+447700900123", Secret);

        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.DoesNotContain("7700900123", key, StringComparison.Ordinal);
        Assert.NotEqual(TableKeys.Sha256Hex("+447700900123"), key);
        Assert.Equal(key, NumberKeys.KeyOf("+447700900123", Secret));
        Assert.NotEqual(key, NumberKeys.KeyOf("+447700900124", Secret));
        Assert.NotEqual(key, NumberKeys.KeyOf("+447700900123", OtherSecret));
    }
}
