using Pilot.Shared.Phones;

namespace Pilot.Shared.UnitTests.Phones;

public sealed class PhoneMaskTests
{
    [Fact]
    public void Masks_last_three_digits_of_e164_mobile()
    {
        Assert.Equal("+44 7700 900***", PhoneMask.Mask("+447700900123"));
    }

    [Fact]
    public void Masks_raw_uk_mobile_input_too()
    {
        Assert.Equal("+44 7700 900***", PhoneMask.Mask("07700 900123"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("+4477009001")]
    [InlineData("+44770090012X")]
    [InlineData("+33612345678")]
    public void Unparseable_becomes_stars(string? input)
    {
        Assert.Equal("***", PhoneMask.Mask(input));
    }

    [Fact]
    public void Masked_output_never_contains_the_last_three_digits()
    {
        Assert.DoesNotContain("987", PhoneMask.Mask("+447700900987"), StringComparison.Ordinal);
    }
}
