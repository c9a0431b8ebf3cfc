using Pilot.Shared.Postcodes;

namespace Pilot.Shared.UnitTests.Postcodes;

public sealed class UkPostcodeTests
{
    [Theory]
    [InlineData("sw9 8ab", "SW9 8AB")]
    [InlineData("SW98AB", "SW9 8AB")]
    [InlineData("  Sw9   8aB ", "SW9 8AB")]
    [InlineData("M1 1AE", "M1 1AE")] // A9
    [InlineData("B33 8TH", "B33 8TH")] // A99
    [InlineData("CR2 6XH", "CR2 6XH")] // AA9
    [InlineData("DN55 1PT", "DN55 1PT")] // AA99
    [InlineData("W1A 0AX", "W1A 0AX")] // A9A
    [InlineData("EC1A 1BB", "EC1A 1BB")] // AA9A
    [InlineData("fy11aa", "FY1 1AA")]
    public void Normalises_every_outward_code_shape_to_upper_case_with_one_space(string input, string expected)
    {
        Assert.True(UkPostcode.TryNormalise(input, out var normalised, out var error));
        Assert.Equal(expected, normalised);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("SW9")] // outward only
    [InlineData("SW9 8")] // sector only
    [InlineData("SW9 8A")]
    [InlineData("SW9 8ABC")]
    [InlineData("SW99 98AB")]
    [InlineData("9W9 8AB")] // starts with a digit
    [InlineData("QW9 8AB")] // Q never first
    [InlineData("SZ9 8AB")] // Z never second
    [InlineData("SW9 8CB")] // C never in the inward code
    [InlineData("SW9 8AI")] // I never in the inward code
    [InlineData("SW9 AAB")] // inward must start with a digit
    [InlineData("W1I 0AX")] // I not allowed third in A9A
    [InlineData("EC1C 1BB")] // C not allowed fourth in AA9A
    [InlineData("SW9-8AB")]
    [InlineData("GIR 0AA")] // non-geographic, never a home
    [InlineData("not a postcode at all")]
    public void Rejects_malformed_postcode_with_plain_english_error(string? input)
    {
        Assert.False(UkPostcode.TryNormalise(input, out var normalised, out var error));
        Assert.Equal(string.Empty, normalised);
        Assert.Equal("must be a full UK postcode, like SW9 8AB", error);
    }

    [Fact]
    public void Splits_normalised_postcode_into_outward_and_sector()
    {
        Assert.Equal("EC1A", UkPostcode.Outward("EC1A 1BB"));
        Assert.Equal("EC1A 1", UkPostcode.Sector("EC1A 1BB"));
        Assert.Equal("M1", UkPostcode.Outward("M1 1AE"));
        Assert.Equal("M1 1", UkPostcode.Sector("M1 1AE"));
    }
}
