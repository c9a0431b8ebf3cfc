using Pilot.Shared.Venues;
using Pilot.Shared.WfiInvitations;
using Pilot.Shared.WfiInvitations.Choosing;

namespace Pilot.Shared.UnitTests.WfiInvitations;

public sealed class WfiPageHtmlTests
{
    private static readonly Venue Jobcentre = new("jcp-x", VenueKinds.Jobcentre, "Brixton <Jobcentre>", "Lambeth", null, null, ["1 Road"], "SW2 1AA", "01632 960000", [], "", new VenueFacilities(false, false));
    private static readonly Venue Centre = new("cc-x", VenueKinds.Centre, "Stockwell \"Park\" Centre", "Lambeth", "hub", null, ["<script>alert(1)</script>"], "SW9 9TN", "01632 960001", [], "", new VenueFacilities(true, true));

    private static WfiPageModel Model(string? chosen = null) => new(
        "WFI-7KQ3F2",
        "/api/c/WFI-7KQ3F2.1.sig",
        Jobcentre,
        new DateTimeOffset(2026, 7, 14, 9, 0, 0, TimeSpan.Zero),
        Centre,
        new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.Zero),
        "Friday 10 July 2026",
        chosen,
        "Brixton Jobcentre",
        "01632 960000");

    [Fact]
    public void The_form_posts_back_to_the_link_with_a_labelled_radio_button_per_option_and_no_script()
    {
        var html = WfiPageHtml.Form(Model(), error: null);

        Assert.Contains("<form method=\"post\" action=\"/api/c/WFI-7KQ3F2.1.sig\">", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"radio\" name=\"choice\" id=\"choice-jobcentre\" value=\"jobcentre\">", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"choice-centre\">", html, StringComparison.Ordinal);
        Assert.Contains("Tuesday 14 July 2026 at 10:00", html, StringComparison.Ordinal); // BST
        Assert.Contains("Cr&#232;che", html, StringComparison.Ordinal); // WebUtility encodes non-ASCII as character references
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_value_from_data_is_html_encoded()
    {
        var html = WfiPageHtml.Form(Model(), error: "<b>bad</b>");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Brixton &lt;Jobcentre&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Stockwell &quot;Park&quot; Centre", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bad&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_choice_the_form_shows_it_and_keeps_it_checked()
    {
        var html = WfiPageHtml.Form(Model(WfiOptionKeys.Centre), error: null);

        Assert.Contains("You chose <strong>Stockwell &quot;Park&quot; Centre</strong>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"centre\" checked", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_content_security_policy_allows_exactly_the_inline_style_and_nothing_else()
    {
        var csp = WfiPage.SecurityHeaders["Content-Security-Policy"];

        Assert.StartsWith("default-src 'none'; style-src 'sha256-", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", WfiPage.SecurityHeaders["Referrer-Policy"]);
    }
}
