using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pilot.Shared.Access;
using Pilot.Shared.Pages;
using Pilot.Shared.WfiInvitations;

namespace Pilot.Shared.UnitTests.Pages;

public sealed class PageSessionsTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    private static PageKeys Keys(string secret = "a-test-signing-key-that-is-long-enough-123")
        => new(Options.Create(new WfiOptions { TokenSigningKey = secret }));

    [Fact]
    public void A_session_reads_back_as_the_principal_it_was_issued_for()
    {
        var sessions = new PageSessions(Keys(), Time);
        Assert.Equal(Caller.Office("jcp-lambeth"), sessions.Read(sessions.Issue(Caller.Office("jcp-lambeth"))));
        Assert.Equal(Caller.Central, sessions.Read(sessions.Issue(Caller.Central)));
        Assert.Equal(Caller.Centre("cc-lambeth-stockwell"), sessions.Read(sessions.Issue(Caller.Centre("cc-lambeth-stockwell"))));
    }

    [Fact]
    public void A_session_expires_after_its_lifetime()
    {
        var time = new FakeTimeProvider(Time.GetUtcNow());
        var sessions = new PageSessions(Keys(), time);
        var cookie = sessions.Issue(Caller.Central);
        time.Advance(PageSessions.Lifetime - TimeSpan.FromSeconds(1));
        Assert.NotNull(sessions.Read(cookie));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(sessions.Read(cookie));
    }

    [Fact]
    public void A_session_whose_principal_was_changed_or_signed_with_another_key_is_no_ones()
    {
        var sessions = new PageSessions(Keys(), Time);
        var cookie = sessions.Issue(Caller.Office("jcp-ealing"));
        var parts = cookie.Split('.');
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0]));
        var forged = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.Replace("jcp-ealing", "jcp-lambeth", StringComparison.Ordinal))) + "." + parts[1];

        Assert.Null(sessions.Read(forged));
        Assert.Null(new PageSessions(Keys("another-signing-key-that-is-long-enough-456"), Time).Read(cookie));
        Assert.Null(sessions.Read("not-a-cookie"));
        Assert.Null(sessions.Read("a.b.c"));
        Assert.Null(sessions.Read("!!!.???"));
        Assert.Null(sessions.Read(null));
    }

    [Fact]
    public void An_anti_forgery_token_holds_only_for_the_nonce_it_was_made_for()
    {
        var antiForgery = new AntiForgery(Keys());
        var nonce = AntiForgery.NewNonce();
        var token = antiForgery.TokenFor(nonce);

        Assert.True(antiForgery.IsValid(nonce, token));
        Assert.False(antiForgery.IsValid(AntiForgery.NewNonce(), token));
        Assert.False(antiForgery.IsValid(nonce, null));
        Assert.False(antiForgery.IsValid(null, token));
        Assert.False(antiForgery.IsValid(nonce, "***"));
    }

    [Fact]
    public void The_session_and_anti_forgery_keys_are_not_the_choice_link_key()
    {
        var secret = "a-test-signing-key-that-is-long-enough-123";
        var keys = Keys(secret);
        var raw = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("x"));
        Assert.NotEqual(raw, keys.Sign(PageKeyUse.Session, "x"));
        Assert.NotEqual(keys.Sign(PageKeyUse.Session, "x"), keys.Sign(PageKeyUse.AntiForgery, "x"));
    }

    [Theory]
    [InlineData("/api/office/take-up?groupBy=la", "/api/office/take-up?groupBy=la")]
    [InlineData("https://evil.example/", "/api/office/take-up")]
    [InlineData("//evil.example/api/", "/api/office/take-up")]
    [InlineData("/api//evil.example", "/api/office/take-up")]
    [InlineData("/api/\\evil", "/api/office/take-up")]
    [InlineData(null, "/api/office/take-up")]
    public void Signing_in_returns_only_to_a_page_of_this_app(string? returnUrl, string expected)
        => Assert.Equal(expected, PagePaths.SafeReturn(returnUrl));
}
