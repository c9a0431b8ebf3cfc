using PhoneNumbers;
using Pilot.Shared.Phones;

namespace Pilot.Shared.UnitTests.Phones;

public sealed class UkMobileTests
{
    [Theory]
    [InlineData("07700 900123")]
    [InlineData("07700900123")]
    [InlineData("+447700900123")]
    [InlineData("+44 7700 900123")]
    [InlineData("447700900123")]
    [InlineData("(07700) 900-123")]
    [InlineData("  07700 900123  ")]
    [InlineData("+44 (0)7700 900123")]
    public void Accepts_uk_mobile_written_any_usual_way(string input)
    {
        Assert.True(UkMobile.TryParse(input, out var e164, out var error));
        Assert.Equal("+447700900123", e164);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("\u200B+44 (0)7723 456 789\uFEFF \r\n", "+447723456789")] // valid to GOV.UK Notify as it is
    [InlineData("\uFEFF07700 900123", "+447700900123")]
    [InlineData("07700\u00A0900123\u200D", "+447700900123")]
    [InlineData("07700\t900123\r\n", "+447700900123")]
    [InlineData("\u2060+44\u202F7700\u2007900123\n", "+447700900123")]
    public void Accepts_a_mobile_pasted_from_a_spreadsheet_once_invisible_characters_and_line_ends_go(string input, string expected)
    {
        Assert.True(UkMobile.TryParse(input, out var e164, out var error), error);
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("07700\n900123")]
    [InlineData("07700 900123\n07700 900124")]
    public void Refuses_a_line_break_inside_the_number(string input)
    {
        Assert.False(UkMobile.TryParse(input, out _, out _));
    }

    [Fact]
    public void Libphonenumber_treats_ofcom_drama_range_as_invalid()
    {
        // Pins why UkMobile accepts 07700 900000-900999 explicitly: if a later libphonenumber
        // starts classing them as mobile, this fails and the special case can go.
        var util = PhoneNumberUtil.GetInstance();
        var number = util.Parse("07700900123", "GB");
        Assert.False(util.IsValidNumber(number));
        Assert.Equal(PhoneNumberType.UNKNOWN, util.GetNumberType(number));
    }

    [Theory]
    [InlineData("07700900000", "+447700900000")]
    [InlineData("07700900002", "+447700900002")]
    [InlineData("07700900003", "+447700900003")]
    [InlineData("07700900999", "+447700900999")]
    public void Accepts_whole_ofcom_drama_range(string input, string expected)
    {
        Assert.True(UkMobile.TryParse(input, out var e164, out _));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("07700 123456", "+447700123456")]
    [InlineData("07400 123456", "+447400123456")]
    [InlineData("0044 7400 123456", "+447400123456")]
    [InlineData("07624 123456", "+447624123456")] // Isle of Man range: same numbering plan, texted the same way
    public void Accepts_real_mobile_ranges(string input, string expected)
    {
        Assert.True(UkMobile.TryParse(input, out var e164, out _));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a number")]
    [InlineData("01632 960123")] // landline (Ofcom drama range)
    [InlineData("020 7946 0123")] // London landline
    [InlineData("0800 123 4567")] // freephone
    [InlineData("0300 123 4567")] // non-geographic
    [InlineData("07700 90012")] // too short
    [InlineData("07700 9001234")] // too long
    [InlineData("+33 6 12 34 56 78")] // French mobile
    [InlineData("+1 202 555 0123")] // US
    [InlineData("07600 123456")] // pager range
    [InlineData("077OO 9OO123")] // letters would be read as keypad digits
    [InlineData("07700 900123 ext 5")] // extension
    [InlineData("+++447700900123")] // libphonenumber reads repeated pluses as one
    [InlineData("07700+900123")]
    public void Rejects_anything_but_a_uk_mobile_with_plain_english_error(string? input)
    {
        Assert.False(UkMobile.TryParse(input, out var e164, out var error));
        Assert.Equal(string.Empty, e164);
        Assert.Equal("must be a UK mobile number, like 07700 900123", error);
    }
}
