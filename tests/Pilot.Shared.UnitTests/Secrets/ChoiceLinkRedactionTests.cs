using Pilot.Shared.WfiInvitations.Choosing;

namespace Pilot.Shared.UnitTests.Secrets;

public sealed class ChoiceLinkRedactionTests
{
    private static readonly byte[] Key = "0123456789abcdef0123456789abcdef"u8.ToArray();

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void A_choice_link_keeps_only_its_reference(int use)
    {
        var token = ChoiceToken.Create("WFI-7K3M9Q", "inv-1", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), Key, use);

        Assert.Equal("/api/c/WFI-7K3M9Q.…", ChoiceLinkRedaction.Redact($"/api/c/{token}"));
        Assert.Equal("https://pilot.example.org/api/c/WFI-7K3M9Q.…?x=1", ChoiceLinkRedaction.Redact($"https://pilot.example.org/api/c/{token}?x=1"));
        Assert.Equal("GET /API/C/WFI-7K3M9Q.… and /api/c/WFI-7K3M9Q.…", ChoiceLinkRedaction.Redact($"GET /API/C/{token} and /api/c/{token}"));
    }

    [Fact]
    public void Percent_encoded_dots_are_cut_too() =>
        Assert.Equal("/api/c/WFI-7K3M9Q.…", ChoiceLinkRedaction.Redact("/api/c/WFI-7K3M9Q%2E1796083200%2Eabcdefghijklmnopqrstuv"));

    [Theory]
    [InlineData("/api/wfi-invitations/inv-1")]
    [InlineData("/api/c/")]
    [InlineData("/api/c/WFI-7K3M9Q")]
    [InlineData("/api/health")]
    [InlineData("")]
    public void Other_paths_are_unchanged(string path) => Assert.Equal(path, ChoiceLinkRedaction.Redact(path));

    [Fact]
    public void A_parents_own_link_is_cut_back_to_the_parent_id()
    {
        Assert.Equal("/api/p/0190aa.…", ChoiceLinkRedaction.Redact("/api/p/0190aa.1796083200.abcdefghijklmnopqrstuv"));
        Assert.Equal("GET /api/p/0190aa.…?saved=1 and /api/c/WFI-7K3M9Q.…", ChoiceLinkRedaction.Redact("GET /api/p/0190aa.1796083200.sig?saved=1 and /api/c/WFI-7K3M9Q.1796083200.sig"));
    }
}
