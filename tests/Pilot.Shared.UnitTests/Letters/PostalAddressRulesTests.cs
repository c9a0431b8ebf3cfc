using Pilot.Shared.Letters;

namespace Pilot.Shared.UnitTests.Letters;

public sealed class PostalAddressRulesTests
{
    [Fact]
    public void Valid_address_is_normalised_with_a_printable_postcode()
    {
        var outcome = PostalAddressRules.Validate(["  Ms  Amira Khan ", "", "12 Acre Lane ,", null, "London", "sw25sg"], "address");

        Assert.True(outcome.IsOk);
        Assert.Equal(["Ms Amira Khan", "12 Acre Lane", "London", "SW2 5SG"], outcome.Value!.Lines);
        Assert.Equal("SW2 5SG", outcome.Value.Postcode);
    }

    [Fact]
    public void A_tab_in_a_line_becomes_a_space_and_zero_width_characters_go()
    {
        var outcome = PostalAddressRules.Validate(["Ms\tAmira Khan\u200B", "Flat 2\t,\t12 Acre Lane", "\uFEFFLondon\r\n", "SW2\u00A05SG"], "address");

        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors));
        Assert.Equal(["Ms Amira Khan", "Flat 2, 12 Acre Lane", "London", "SW2 5SG"], outcome.Value!.Lines);
    }

    [Theory]
    [InlineData("12 Acre Lane\nLondon")]
    [InlineData("12 Acre Lane\r\nLondon")]
    [InlineData("12 Acre\u0000Lane")]
    public void A_line_break_or_control_character_inside_a_line_is_still_refused(string line)
    {
        var outcome = PostalAddressRules.Validate(["Ms Amira Khan", line, "London", "SW2 5SG"], "address");

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("address.lines[1]", error.Field);
        Assert.Contains("line breaks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_than_three_lines_after_blanks_are_removed_is_refused()
    {
        var outcome = PostalAddressRules.Validate(["Ms Amira Khan", "  ", "SW2 5SG"], "address");

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("address.lines", error.Field);
        Assert.Contains("at least 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_seven_lines_is_refused()
    {
        var outcome = PostalAddressRules.Validate(["A", "B", "C", "D", "E", "F", "G", "SW2 5SG"], "address");

        Assert.Equal("address.lines", Assert.Single(outcome.Errors).Field);
    }

    [Fact]
    public void Seven_lines_is_the_most_allowed()
    {
        Assert.True(PostalAddressRules.Validate(["A", "B", "C", "D", "E", "F", "SW2 5SG"], "address").IsOk);
    }

    [Theory]
    [InlineData("London")] // not a postcode at all
    [InlineData("SW9 8CB")] // C is never in an inward code
    [InlineData("ZZ9 9ZZ")] // well formed, but no such district
    public void Last_line_must_be_a_real_uk_postcode_and_the_error_names_it(string last)
    {
        var outcome = PostalAddressRules.Validate(["Ms Amira Khan", "12 Acre Lane", last], "address");

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("address.lines[2]", error.Field);
        Assert.Contains("postcode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_separate_postcode_its_error_names_the_postcode_field()
    {
        var outcome = PostalAddressRules.Validate(["Ms Amira Khan", "12 Acre Lane"], "SW9 8CB", "parent.address");

        Assert.Equal("parent.address.postcode", Assert.Single(outcome.Errors).Field);
    }

    [Theory]
    [InlineData("No fixed abode")]
    [InlineData("NO   FIXED ABODE")]
    [InlineData("no fixed address")]
    [InlineData("nfa")]
    [InlineData("c/o No Fixed\u00a0Abode, London")]
    public void No_fixed_abode_is_refused_in_any_case_or_spacing(string line)
    {
        var outcome = PostalAddressRules.Validate(["Ms Amira Khan", "12 Acre Lane", line, "SW2 5SG"], "address");

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("address.lines[2]", error.Field);
        Assert.Contains("no fixed abode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_fixed_abode_split_over_two_lines_is_refused()
    {
        var outcome = PostalAddressRules.Validate(["Ms Amira Khan", "No fixed", "abode", "SW2 5SG"], "address");

        Assert.Equal("address.lines", Assert.Single(outcome.Errors).Field);
    }

    [Theory]
    [InlineData("@home")]
    [InlineData("(Flat 3)")]
    [InlineData("=12 Acre Lane")]
    [InlineData("[Flat]")]
    [InlineData("\"Rosebank\"")]
    [InlineData("/Flat 3")]
    [InlineData("\\Flat 3")]
    [InlineData(",Flat 3")]
    [InlineData("<Flat 3>")]
    [InlineData("~Flat 3")]
    public void Line_starting_with_a_character_notify_refuses_is_refused(string line)
    {
        var outcome = PostalAddressRules.Validate(["Ms Amira Khan", "12 Acre Lane", line, "SW2 5SG"], "address");

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("address.lines[2]", error.Field);
        Assert.Contains("must not start with", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void First_two_lines_need_a_letter_or_digit()
    {
        var outcome = PostalAddressRules.Validate(["Ms Amira Khan", "-", "London", "SW2 5SG"], "address");

        Assert.Equal("address.lines[1]", Assert.Single(outcome.Errors).Field);
    }

    [Fact]
    public void Line_too_long_for_the_window_is_refused()
    {
        var outcome = PostalAddressRules.Validate(["Ms Amira Khan", new string('a', PostalAddressRules.MaxLineLength + 1), "SW2 5SG"], "address");

        Assert.Equal("address.lines[1]", Assert.Single(outcome.Errors).Field);
    }

    [Fact]
    public void Line_of_allowed_length_but_too_wide_for_the_window_is_refused()
    {
        var outcome = PostalAddressRules.Validate(["Ms Amira Khan", new string('W', 45), "SW2 5SG"], "address");

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("address.lines[1]", error.Field);
        Assert.Contains("envelope window", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_with_a_line_break_is_refused()
    {
        var outcome = PostalAddressRules.Validate(["Ms Amira Khan", "12 Acre Lane\nLondon", "SW2 5SG"], "address");

        Assert.Equal("address.lines[1]", Assert.Single(outcome.Errors).Field);
    }

    [Fact]
    public void Missing_lines_are_refused()
    {
        Assert.Equal("address.lines", Assert.Single(PostalAddressRules.Validate(null, "address").Errors).Field);
    }
}
