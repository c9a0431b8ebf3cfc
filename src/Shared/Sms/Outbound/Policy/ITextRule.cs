namespace Pilot.Shared.Sms.Outbound.Policy;

/// <summary>
/// What differs between kinds of text at the moment of sending: the checks, whether quiet hours and the hourly cap
/// hold it back, and its body. Pure: it sees only <see cref="SendFacts"/>.
/// </summary>
public interface ITextRule
{
    bool Covers(string kind);

    /// <summary>False for a text a parent has just asked for by texting us (an answer, a consent confirmation).</summary>
    bool KeepsQuietHours { get; }

    /// <summary>True for a text that answers the parent's own text: it takes a slot even over the cap, and queued texts wait longer.</summary>
    bool MayGoOverCap { get; }

    /// <summary>Why the text must not go at all (it is cancelled), or null.</summary>
    string? WhyNot(SendFacts facts);

    /// <summary>Why the text is not worth sending once quiet hours end at <paramref name="quietEnd"/> (it is cancelled), or null to defer it.</summary>
    string? WhyNotAfterQuietHours(SendFacts facts, DateTimeOffset quietEnd);

    /// <summary>The body as it should read now, or null when nothing is left to say (<see cref="NothingLeft"/>).</summary>
    string? Compose(SendFacts facts);

    /// <summary>The cancel reason when <see cref="Compose"/> finds nothing left to say.</summary>
    string NothingLeft { get; }
}
