using System.Text;
using Pilot.Shared.WfiInvitations.Choosing;

namespace Pilot.Shared.UnitTests.WfiInvitations;

public sealed class ChoiceTokenTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("unit-test-signing-key-unit-test-signing-key");
    private static readonly DateTimeOffset Expiry = new(2026, 3, 18, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_made_for_an_invitation_verifies_for_it_and_carries_its_reference_and_expiry()
    {
        var token = ChoiceToken.Create("WFI-7KQ3F2", "inv-1", Expiry, Key);

        Assert.True(ChoiceToken.TryRead(token, out var parts));
        Assert.Equal("WFI-7KQ3F2", parts.Reference);
        Assert.Equal(Expiry, parts.ExpiresAt);
        Assert.True(ChoiceToken.IsGenuine(parts, "inv-1", Key));
        Assert.DoesNotContain('/', token);
        Assert.DoesNotContain('+', token);
    }

    [Fact]
    public void A_token_does_not_verify_for_another_invitation_or_key()
    {
        Assert.True(ChoiceToken.TryRead(ChoiceToken.Create("WFI-7KQ3F2", "inv-1", Expiry, Key), out var parts));

        Assert.False(ChoiceToken.IsGenuine(parts, "inv-2", Key));
        Assert.False(ChoiceToken.IsGenuine(parts, "inv-1", Encoding.UTF8.GetBytes("another-key-another-key-another-key!!")));
    }

    [Fact]
    public void A_token_with_its_expiry_pushed_later_no_longer_verifies()
    {
        var token = ChoiceToken.Create("WFI-7KQ3F2", "inv-1", Expiry, Key);
        var pieces = token.Split('.');
        var extended = $"{pieces[0]}.{Expiry.AddDays(30).ToUnixTimeSeconds()}.{pieces[2]}";

        Assert.True(ChoiceToken.TryRead(extended, out var parts));
        Assert.False(ChoiceToken.IsGenuine(parts, "inv-1", Key));
    }

    [Fact]
    public void A_changed_signature_character_no_longer_verifies()
    {
        var token = ChoiceToken.Create("WFI-7KQ3F2", "inv-1", Expiry, Key);
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        Assert.True(ChoiceToken.TryRead(tampered, out var parts));
        Assert.False(ChoiceToken.IsGenuine(parts, "inv-1", Key));
    }

    [Fact]
    public void The_link_after_a_choice_carries_its_use_number_and_another_number_no_longer_verifies()
    {
        var letter = ChoiceToken.Create("WFI-7KQ3F2", "inv-1", Expiry, Key);
        var next = ChoiceToken.Create("WFI-7KQ3F2", "inv-1", Expiry, Key, use: 1);
        var pieces = next.Split('.');
        var renumbered = $"{pieces[0]}.{pieces[1]}.2.{pieces[3]}";
        var letterSignatureAsNext = $"{pieces[0]}.{pieces[1]}.1.{letter.Split('.')[2]}";

        Assert.Equal(3, letter.Split('.').Length); // the letter's link keeps its short form
        Assert.Equal("1", pieces[2]);
        Assert.True(ChoiceToken.TryRead(next, out var parts));
        Assert.Equal(1, parts.Use);
        Assert.True(ChoiceToken.IsGenuine(parts, "inv-1", Key));
        Assert.True(ChoiceToken.TryRead(renumbered, out var renumberedParts));
        Assert.False(ChoiceToken.IsGenuine(renumberedParts, "inv-1", Key));
        Assert.True(ChoiceToken.TryRead(letterSignatureAsNext, out var borrowed));
        Assert.False(ChoiceToken.IsGenuine(borrowed, "inv-1", Key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("WFI-7KQ3F2")]
    [InlineData("WFI-7KQ3F2.notanumber.sig")]
    [InlineData("WFI-7KQ3F2.123")]
    [InlineData("a.1.b.c")]
    [InlineData("WFI-7KQ3F2.-5.sig")]
    [InlineData("WFI-7KQ3F2.123.0.sig")]
    [InlineData("WFI-7KQ3F2.123.99999.sig")]
    [InlineData("WFI-7KQ3F2.123.1.2.sig")]
    public void Malformed_tokens_are_not_read(string? token) => Assert.False(ChoiceToken.TryRead(token, out _));
}
