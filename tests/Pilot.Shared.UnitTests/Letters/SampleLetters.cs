using Pilot.Shared.Letters;

namespace Pilot.Shared.UnitTests.Letters;

/// <summary>Letters to render in tests: an ordinary one and ones built to be hard to fit.</summary>
internal static class SampleLetters
{
    public static PostalAddress Address(params string[] lines)
    {
        var outcome = PostalAddressRules.Validate(lines, "address");
        return outcome.IsOk ? outcome.Value! : throw new InvalidOperationException(string.Join("; ", outcome.Errors));
    }

    public static WfiLetter Ordinary() => new(
        Reference: "WFI-2026-000123",
        From: Address("Brixton Jobcentre Plus", "490 Coldharbour Lane", "London", "SW9 8LL"),
        OfficePhone: "0800 169 0190",
        Date: new DateOnly(2026, 11, 26),
        To: Address("Ms Amira Khan", "Flat 3", "12 Acre Lane", "London", "SW2 5SG"),
        Jobcentre: new WfiLetterOption(
            "Brixton Jobcentre Plus", ["490 Coldharbour Lane", "London SW9 8LL"],
            new DateTimeOffset(2026, 12, 8, 10, 30, 0, TimeSpan.Zero), []),
        Centre: new WfiLetterOption(
            "Stockwell Children's Centre", ["Stockwell Park Crescent", "London SW9 0DQ"],
            new DateTimeOffset(2026, 12, 9, 13, 0, 0, TimeSpan.Zero), ["Child-friendly room", "Crèche"]),
        ReplyNumber: "07700 900123",
        ChoiceUrl: new Uri("https://pilot.example.org/c/Ab3dE9"),
        RespondBy: new DateOnly(2026, 12, 3));

    /// <summary>Seven address lines of the longest length allowed, in capitals, long venue names,
    /// many offers and a very long web address.</summary>
    public static WfiLetter Crowded()
    {
        const string wide = "FLAT 12A, THE OLD BREWERY, 123-125 HIGH STREET NW";
        return Ordinary() with
        {
            From = Address("Kingston upon Hull Jobcentre Plus (Bransholme)", "Unit 14, Bransholme Shopping Centre, North Point", "Goodhart Road, Bransholme", "Kingston upon Hull", "HU7 4EE"),
            To = Address(wide, wide, wide, wide, wide, wide, "HU7 4EE"),
            Jobcentre = new WfiLetterOption(
                "Kingston upon Hull Jobcentre Plus, Bransholme and Sutton Park office, second floor interview rooms",
                ["Unit 14, Bransholme Shopping Centre, North Point", "Goodhart Road", "Bransholme", "Kingston upon Hull HU7 4EE"],
                new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero), []),
            Centre = new WfiLetterOption(
                "Redcar and Cleveland Sure Start Children's Centre at the Grangetown Community Hub (outreach site)",
                ["The Old School Buildings, Birchington Avenue", "Grangetown", "Middlesbrough", "Redcar and Cleveland TS6 7LN"],
                new DateTimeOffset(2026, 12, 9, 12, 0, 0, TimeSpan.Zero),
                ["Child-friendly room with toys and books for under-fives", "Crèche (book a place when you choose)", "Baby changing and feeding room", "Step-free access and a lift", "Free tea and coffee"]),
            ChoiceUrl = new Uri("https://pilot.example.org/choose/" + new string('x', 120)),
        };
    }
}
