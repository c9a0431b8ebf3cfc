using Pilot.Shared.Pages;
using Pilot.Shared.Validation;

namespace Pilot.Shared.UnitTests.Pages;

public sealed class PageTemplatesTests
{
    private const string Script = "<script>alert('x')</script>";

    [Fact]
    public async Task Every_value_a_page_is_given_is_html_encoded_even_in_the_layout_and_error_summary()
    {
        var html = await new PageTemplates().RenderAsync(
            "message",
            new Dictionary<string, object?> { ["heading"] = Script, ["text"] = "\"quoted\" & <b>bold</b>", ["link_href"] = "javascript:\"><img>", ["link_text"] = Script },
            new PageLayout(Script, "office:<x>", "tok\"en", Errors: [new FieldError("key\"><i>", Script)]));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"><img>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"><i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("office:<x>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_with_errors_says_so_in_its_title_and_links_each_to_its_field()
    {
        var html = await new PageTemplates().RenderAsync(
            "message",
            new Dictionary<string, object?> { ["heading"] = "h", ["text"] = "t" },
            new PageLayout("Sign in", null, "token", Errors: [new FieldError("key", "Enter a key")]));

        Assert.Contains("<title>Error: Sign in - Pilot</title>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#key\">Enter a key</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign out", html, StringComparison.Ordinal);
    }
}
