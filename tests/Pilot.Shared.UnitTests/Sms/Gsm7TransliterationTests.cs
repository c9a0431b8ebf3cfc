using Pilot.Shared.Sms;

namespace Pilot.Shared.UnitTests.Sms;

public sealed class Gsm7TransliterationTests
{
    [Theory]
    [InlineData("Łucja", "Lucja")]
    [InlineData("Zoë", "Zoe")]
    [InlineData("Zażółć gęślą jaźń", "Zazolc gesla jazn")]
    [InlineData("François", "Francois")]
    [InlineData("Siân", "Sian")]
    [InlineData("Tŷ Hapus", "Ty Hapus")]
    [InlineData("Ngọc Anh", "Ngoc Anh")]
    [InlineData("Œdipus", "OEdipus")]
    [InlineData("Đorđe", "Dorde")]
    public void Non_gsm_letters_become_their_base_letters(string input, string expected)
    {
        Assert.Equal(expected, Gsm7Transliteration.ToGsm7(input));
    }

    [Theory]
    [InlineData("Søren")]
    [InlineData("Jürgen")]
    [InlineData("Åsa")]
    [InlineData("Renée")]
    [InlineData("Ñuñez")]
    public void Gsm_letters_are_kept(string input)
    {
        Assert.Equal(input, Gsm7Transliteration.ToGsm7(input));
    }

    [Theory]
    [InlineData("محمد", "")]
    [InlineData("Amy 👋", "Amy")]
    [InlineData("李 Wei", "Wei")]
    public void Characters_without_a_latin_base_are_dropped(string input, string expected)
    {
        var result = Gsm7Transliteration.ToGsm7(input);
        Assert.Equal(expected, result);
        Assert.True(Gsm7Alphabet.CanEncode(result));
    }

    [Fact]
    public void Result_is_always_gsm7()
    {
        const string mixed = "Ł ł Đ đ Ħ ħ ı Œ œ Þ þ Ð ð Ŧ ŧ Ŋ ŋ ſ ` ´ ĉ ǆ ẞ ﬁ";
        Assert.True(Gsm7Alphabet.CanEncode(Gsm7Transliteration.ToGsm7(mixed)));
    }
}
