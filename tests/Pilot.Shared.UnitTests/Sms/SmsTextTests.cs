using Pilot.Shared.Sms;

namespace Pilot.Shared.UnitTests.Sms;

public sealed class SmsTextTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    [InlineData(918, 6)]
    public void Gsm7_text_is_160_for_one_fragment_then_153_a_part(int length, int fragments)
    {
        var analysis = SmsText.Analyse(new string('a', length));
        Assert.Equal(SmsEncoding.Gsm7, analysis.Encoding);
        Assert.Equal(length, analysis.Units);
        Assert.Equal(fragments, analysis.Fragments);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Ucs2_text_is_70_for_one_fragment_then_67_a_part(int length, int fragments)
    {
        var analysis = SmsText.Analyse(new string('ł', length));
        Assert.Equal(SmsEncoding.Ucs2, analysis.Encoding);
        Assert.Equal(length, analysis.Units);
        Assert.Equal(fragments, analysis.Fragments);
    }

    [Theory]
    [InlineData('^')]
    [InlineData('{')]
    [InlineData('}')]
    [InlineData('\\')]
    [InlineData('[')]
    [InlineData('~')]
    [InlineData(']')]
    [InlineData('|')]
    [InlineData('€')]
    public void Extended_character_counts_two_septets(char extended)
    {
        var analysis = SmsText.Analyse("ab" + extended);
        Assert.Equal(SmsEncoding.Gsm7, analysis.Encoding);
        Assert.Equal(4, analysis.Units);
    }

    [Fact]
    public void Extended_character_pushes_160_character_text_into_two_fragments()
    {
        var analysis = SmsText.Analyse(new string('a', 159) + "€");
        Assert.Equal(SmsEncoding.Gsm7, analysis.Encoding);
        Assert.Equal(161, analysis.Units);
        Assert.Equal(2, analysis.Fragments);
    }

    [Fact]
    public void Eighty_extended_characters_fill_one_fragment_exactly()
    {
        var analysis = SmsText.Analyse(new string('{', 80));
        Assert.Equal(160, analysis.Units);
        Assert.Equal(1, analysis.Fragments);
    }

    [Theory]
    [InlineData("£5 off")]
    [InlineData("Café é è ù ì ò")]
    [InlineData("Ä Ö Ñ Ü ä ö ñ ü à Å å Æ æ Ø ø ß É Ç")]
    [InlineData("Δ Φ Γ Λ Ω Π Ψ Σ Θ Ξ")]
    [InlineData("¡Hola! ¿Qué? § ¤ ¥ @ _")]
    [InlineData("line one\nline two\r\n")]
    public void Gsm_basic_table_characters_stay_gsm7_at_one_unit_each(string text)
    {
        var analysis = SmsText.Analyse(text);
        Assert.Equal(SmsEncoding.Gsm7, analysis.Encoding);
        Assert.Equal(text.Length, analysis.Units);
    }

    [Theory]
    [InlineData("Zoë")] // ë is not in GSM 03.38 (ä ö ü are)
    [InlineData("François")] // lower-case ç is not in GSM (capital Ç is)
    [InlineData("Łucja")]
    [InlineData("Zażółć gęślą jaźń")]
    [InlineData("Ñoño ł")]
    [InlineData("Åsa `backtick`")] // backtick is not in GSM
    [InlineData("Siân")] // Welsh circumflex
    public void Any_non_gsm_character_switches_whole_text_to_ucs2(string text)
    {
        var analysis = SmsText.Analyse(text);
        Assert.Equal(SmsEncoding.Ucs2, analysis.Encoding);
        Assert.Equal(text.Length, analysis.Units);
    }

    [Fact]
    public void Emoji_forces_ucs2_and_counts_two_code_units()
    {
        var analysis = SmsText.Analyse("See you 👍");
        Assert.Equal(SmsEncoding.Ucs2, analysis.Encoding);
        Assert.Equal(10, analysis.Units);
        Assert.Equal(1, analysis.Fragments);
    }

    [Fact]
    public void Emoji_in_an_otherwise_160_character_text_costs_three_fragments()
    {
        var analysis = SmsText.Analyse(new string('a', 158) + "😀");
        Assert.Equal(160, analysis.Units);
        Assert.Equal(3, analysis.Fragments);
    }

    [Theory]
    [InlineData("9:30 \u2013 10:30", "9:30 - 10:30")] // en dash
    [InlineData("wait \u2014 then", "wait - then")] // em dash
    [InlineData("\u22125", "-5")] // minus sign
    [InlineData("e\u2011mail", "e-mail")] // non-breaking hyphen
    [InlineData("and so on\u2026", "and so on...")]
    [InlineData("\u2018It\u2019s\u2019", "'It's'")]
    [InlineData("\u201CHello\u201D", "\"Hello\"")]
    [InlineData("\u201ELow\u201D \u201Asingle\u2019", "\"Low\" 'single'")]
    [InlineData("gov\u200B.uk", "gov.uk")] // zero-width space
    [InlineData("a\u200Cb\u2060c\uFEFFd\u180Ee", "abcde")]
    [InlineData("a\u2028b\u2029c", "abc")]
    [InlineData("10\u00A0Downing\u202FStreet", "10 Downing Street")]
    [InlineData("Name:\tAmy", "Name: Amy")]
    public void Normalise_replaces_lookalikes_with_gsm_characters(string input, string expected)
    {
        Assert.Equal(expected, SmsText.Normalise(input));
        Assert.Equal(SmsEncoding.Gsm7, SmsText.Analyse(input).Encoding);
    }

    [Fact]
    public void Normalise_leaves_plain_text_alone()
    {
        const string text = "Hi Amy, your appointment is tomorrow at 10:30.";
        Assert.Same(text, SmsText.Normalise(text));
    }

    [Fact]
    public void Unlike_notify_polish_letters_and_the_zero_width_joiner_are_kept_while_lookalikes_are_replaced()
    {
        var analysis = SmsText.Analyse("\u0141ucja \u2013 Zaż\u00F3łć\u200D\u200B");

        Assert.Equal("\u0141ucja - Zaż\u00F3łć\u200D", analysis.NormalisedText);
        Assert.Equal(SmsEncoding.Ucs2, analysis.Encoding);
    }

    [Fact]
    public void Normalise_keeps_zero_width_joiner_which_holds_emoji_together()
    {
        const string family = "\U0001F469\u200D\U0001F467";
        Assert.Equal(family, SmsText.Normalise(family));
    }

    [Fact]
    public void Analysis_counts_the_normalised_text()
    {
        var analysis = SmsText.Analyse("Don\u2019t forget\u2026");
        Assert.Equal("Don't forget...", analysis.NormalisedText);
        Assert.Equal(15, analysis.Units);
        Assert.Equal(SmsEncoding.Gsm7, analysis.Encoding);
    }

    [Fact]
    public void Curly_quote_in_a_160_character_text_still_fits_one_fragment()
    {
        var analysis = SmsText.Analyse(new string('a', 159) + "\u2019");
        Assert.Equal(SmsEncoding.Gsm7, analysis.Encoding);
        Assert.Equal(1, analysis.Fragments);
    }

    [Fact]
    public void Text_longer_than_918_units_is_too_long()
    {
        Assert.False(SmsText.Analyse(new string('a', SmsText.MaxCharacters)).IsTooLong);
        Assert.True(SmsText.Analyse(new string('a', SmsText.MaxCharacters + 1)).IsTooLong);
        Assert.True(SmsText.Analyse(new string('€', 460)).IsTooLong);
    }

    [Fact]
    public void Gsm_alphabet_has_128_basic_and_9_extended_characters()
    {
        Assert.Equal(128, Gsm7Alphabet.Basic.Length);
        Assert.Equal(128, Gsm7Alphabet.Basic.Distinct().Count());
        Assert.Equal(9, Gsm7Alphabet.Extended.Length);
        Assert.Empty(Gsm7Alphabet.Basic.Intersect(Gsm7Alphabet.Extended));
    }
}
