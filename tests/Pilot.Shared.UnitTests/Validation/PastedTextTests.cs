using Pilot.Shared.Validation;

namespace Pilot.Shared.UnitTests.Validation;

public sealed class PastedTextTests
{
    [Theory]
    [InlineData("\u200B+44 (0)7723 456 789\uFEFF \r\n", "+44 (0)7723 456 789")] // as a spreadsheet exports it
    [InlineData("Flat\u00A02,\t40 Brixton Hill", "Flat 2, 40 Brixton Hill")]
    [InlineData("SW2\u202F1QS\u2060", "SW2 1QS")]
    [InlineData("\u200C\u200DAmina\u00AD", "Amina")]
    [InlineData("12 \t \u00A0 Acre Lane", "12 Acre Lane")]
    [InlineData("London\r\n", "London")]
    public void Invisible_characters_go_and_spaces_tabs_and_the_ends_are_tidied(string pasted, string expected)
    {
        Assert.Equal(expected, PastedText.Clean(pasted));
    }

    [Fact]
    public void A_line_break_inside_the_value_is_kept_for_the_field_to_refuse()
    {
        Assert.Equal("12 Acre Lane\r\nLondon", PastedText.Clean("12 Acre Lane\r\nLondon\n"));
    }

    [Fact]
    public void Null_stays_null_and_plain_text_is_unchanged()
    {
        Assert.Null(PastedText.Clean(null));
        Assert.Equal("Łucja Nowak", PastedText.Clean("Łucja Nowak"));
    }
}
