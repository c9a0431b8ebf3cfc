using System.Collections.Frozen;

namespace Pilot.Shared.Sms.Templates;

/// <summary>
/// The words a language file gives for building appointment texts, and the placeholders each may
/// use. <c>&lt;kind&gt;-short</c>, <c>&lt;kind&gt;-named</c> and <c>&lt;kind&gt;-short-named</c> are
/// optional forms of an appointment kind; without them the kind's word is used, with
/// <see cref="WithAdviser"/> adding the adviser's name.
/// </summary>
public static class TemplateWords
{
    public const string Wfi = "wfi";
    public const string Adviser = "adviser";
    public const string Course = "course";
    public const string Appointment = "appointment";

    /// <summary>"{what} with {adviser}".</summary>
    public const string WithAdviser = "with-adviser";
    public const string Today = "today";
    public const string Tomorrow = "tomorrow";

    /// <summary>"{day} at {time}", where day is today, tomorrow or the date.</summary>
    public const string DayAndTime = "day-and-time";

    /// <summary>A .NET date format in the file's culture: "ddd d MMM" gives "Tue 3 Mar", "wt 3 mar".</summary>
    public const string DateFormat = "date-format";
    public const string TimeFormat = "time-format";

    /// <summary>Optional: how to name the parent's centre when its phone number is not known.</summary>
    public const string YourCentre = "your-centre";

    public const string ShortSuffix = "-short";
    public const string NamedSuffix = "-named";

    private static readonly string[] Kinds = [Wfi, Adviser, Course, Appointment];

    /// <summary>Words every file must have.</summary>
    public static IReadOnlyList<string> Required { get; } = [.. Kinds, WithAdviser, Today, Tomorrow, DayAndTime, DateFormat, TimeFormat];

    /// <summary>Every word a file may have, and its placeholders.</summary>
    public static FrozenDictionary<string, FrozenSet<string>> Placeholders { get; } = Build();

    private static FrozenDictionary<string, FrozenSet<string>> Build()
    {
        var none = FrozenSet<string>.Empty;
        var adviser = FrozenSet.Create(StringComparer.Ordinal, "adviser");
        var words = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal)
        {
            [WithAdviser] = FrozenSet.Create(StringComparer.Ordinal, "what", "adviser"),
            [Today] = none,
            [Tomorrow] = none,
            [DayAndTime] = FrozenSet.Create(StringComparer.Ordinal, "day", "time"),
            [DateFormat] = none,
            [TimeFormat] = none,
            [YourCentre] = none,
        };
        foreach (var kind in Kinds)
        {
            words[kind] = none;
            words[kind + ShortSuffix] = none;
            words[kind + NamedSuffix] = adviser;
            words[kind + ShortSuffix + NamedSuffix] = adviser;
        }

        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
