using Pilot.Shared.Venues;

namespace Pilot.Shared.UnitTests.Venues;

public sealed class UkNationsTests
{
    [Theory]
    [InlineData("SW9 9SL", UkNation.England)]
    [InlineData("FY3 7RW", UkNation.England)]
    [InlineData("TS10 4NW", UkNation.England)]
    [InlineData("G1 1XQ", UkNation.Scotland)]
    [InlineData("GL1 1AA", UkNation.England)]
    [InlineData("EH1 1YZ", UkNation.Scotland)]
    [InlineData("TD9 7HR", UkNation.Scotland)]
    [InlineData("TD15 1BG", UkNation.England)]
    [InlineData("CF10 1EP", UkNation.Wales)]
    [InlineData("LL55 4UR", UkNation.Wales)]
    [InlineData("SY23 1DE", UkNation.Wales)]
    [InlineData("SY1 1AA", UkNation.England)]
    [InlineData("CH7 1AB", UkNation.Wales)]
    [InlineData("CH1 1AA", UkNation.England)]
    [InlineData("BT1 5GS", UkNation.NorthernIreland)]
    [InlineData("SW1E 6QP", UkNation.England)]
    public void A_postcode_places_a_venue_in_its_nation(string postcode, UkNation nation)
        => Assert.Equal(nation, UkNations.OfPostcode(postcode));
}
