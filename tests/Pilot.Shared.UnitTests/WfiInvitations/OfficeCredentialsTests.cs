using Microsoft.Extensions.Options;
using Pilot.Shared.WfiInvitations.Offices;

namespace Pilot.Shared.UnitTests.WfiInvitations;

public sealed class OfficeCredentialsTests
{
    private static readonly OfficeCredentials Credentials = new(Options.Create(new OfficeKeyOptions
    {
        Keys = new Dictionary<string, string>
        {
            ["jcp-lambeth"] = OfficeCredentials.HashOf("lambeth-key"),
            ["jcp-ealing"] = OfficeCredentials.HashOf("ealing-key").ToUpperInvariant(),
            ["jcp-broken"] = "not-a-hash",
        },
        AdminKeySha256 = OfficeCredentials.HashOf("central-key"),
    }));

    [Fact]
    public void Each_key_identifies_its_own_office_whatever_the_case_of_the_configured_hash()
    {
        Assert.Equal("jcp-lambeth", Credentials.Identify("lambeth-key")!.OfficeId);
        Assert.Equal("jcp-ealing", Credentials.Identify("ealing-key")!.OfficeId);
    }

    [Fact]
    public void The_central_key_is_the_administrator_who_covers_every_office()
    {
        var admin = Credentials.Identify("central-key")!;

        Assert.True(admin.IsAdmin);
        Assert.True(admin.Covers("jcp-lambeth"));
        Assert.False(Credentials.Identify("lambeth-key")!.Covers("jcp-ealing"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Lambeth-key")]
    [InlineData("not-a-hash")]
    public void Missing_unknown_or_near_miss_keys_identify_nobody(string? key) => Assert.Null(Credentials.Identify(key));

    [Fact]
    public void The_hash_is_lower_case_hex_sha256() => Assert.Equal("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", OfficeCredentials.HashOf("foo"));
}
