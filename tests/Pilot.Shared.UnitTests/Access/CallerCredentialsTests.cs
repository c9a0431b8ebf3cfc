using Microsoft.Extensions.Options;
using Pilot.Shared.Access;

namespace Pilot.Shared.UnitTests.Access;

public sealed class CallerCredentialsTests
{
    private static readonly AccessKeyOptions Options = new()
    {
        Offices = new Dictionary<string, string>
        {
            ["jcp-lambeth"] = CallerCredentials.HashOf("lambeth-key"),
            ["jcp-ealing"] = CallerCredentials.HashOf("ealing-key").ToUpperInvariant() + ", " + CallerCredentials.HashOf("ealing-old-key"),
        },
        Centres = new Dictionary<string, string> { ["cc-lambeth-stockwell"] = CallerCredentials.HashOf("stockwell-key") },
        Central = CallerCredentials.HashOf("central-key"),
        Feed = CallerCredentials.HashOf("feed-key"),
        Operator = CallerCredentials.HashOf("operator-key"),
    };

    private static readonly CallerCredentials Credentials = new(Microsoft.Extensions.Options.Options.Create(Options));

    [Fact]
    public void Each_key_identifies_its_one_principal_whatever_the_case_of_the_configured_hash()
    {
        Assert.Equal(Caller.Office("jcp-lambeth"), Credentials.Identify("lambeth-key"));
        Assert.Equal(Caller.Office("jcp-ealing"), Credentials.Identify("ealing-key"));
        Assert.Equal(Caller.Centre("cc-lambeth-stockwell"), Credentials.Identify("stockwell-key"));
        Assert.Equal(Caller.Central, Credentials.Identify("central-key"));
        Assert.Equal(Caller.Feed, Credentials.Identify("feed-key"));
        Assert.Equal(Caller.Operator, Credentials.Identify("operator-key"));
    }

    [Fact]
    public void While_a_key_is_rotated_both_the_new_and_the_old_identify_the_office()
        => Assert.Equal(Caller.Office("jcp-ealing"), Credentials.Identify("ealing-old-key"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Lambeth-key")]
    [InlineData("not-a-hash")]
    public void Missing_unknown_or_near_miss_keys_identify_nobody(string? key) => Assert.Null(Credentials.Identify(key));

    [Fact]
    public void The_hash_is_lower_case_hex_sha256() => Assert.Equal("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", CallerCredentials.HashOf("foo"));

    [Fact]
    public void Start_up_refuses_a_value_that_is_not_a_hash_naming_the_setting()
    {
        var options = new AccessKeyOptions { Offices = new Dictionary<string, string> { ["jcp-broken"] = "not-a-hash" } };

        var result = new AccessKeyValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Access:Offices:jcp-broken", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_refuses_one_key_given_to_two_principals()
    {
        var options = new AccessKeyOptions { Central = CallerCredentials.HashOf("shared"), Feed = CallerCredentials.HashOf("shared") };

        var result = new AccessKeyValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Access:Feed and Access:Central hold the same key", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_settings_template_keys_pass_start_up_validation()
        => Assert.True(new AccessKeyValidation().Validate(null, Options).Succeeded);
}
