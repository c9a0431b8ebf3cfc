using Pilot.Shared.Letters;

namespace Pilot.IntegrationTests.Letters;

internal static class LetterSamples
{
    public static WfiLetter Letter(string reference) => new(
        reference,
        Address("Brixton Jobcentre Plus", "490 Coldharbour Lane", "London", "SW9 8LL"),
        "0800 169 0190",
        new DateOnly(2026, 3, 3),
        Address("Ms Amira Khan", "12 Acre Lane", "London", "SW2 5SG"),
        new WfiLetterOption("Brixton Jobcentre Plus", ["490 Coldharbour Lane", "London SW9 8LL"], new DateTimeOffset(2026, 3, 17, 10, 30, 0, TimeSpan.Zero), []),
        new WfiLetterOption("Stockwell Children's Centre", ["Stockwell Park Crescent", "London SW9 0DQ"], new DateTimeOffset(2026, 3, 18, 13, 0, 0, TimeSpan.Zero), ["Child-friendly room", "Crèche"]),
        "07700 900123",
        new Uri("https://pilot.example.org/c/Ab3dE9"),
        new DateOnly(2026, 3, 10));

    private static PostalAddress Address(params string[] lines) => PostalAddressRules.Validate(lines, "address").Value!;
}
