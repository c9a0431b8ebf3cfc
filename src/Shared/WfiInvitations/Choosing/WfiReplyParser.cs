using Pilot.Shared.Sms.Inbound;

namespace Pilot.Shared.WfiInvitations.Choosing;

/// <summary>What a parent's text says about a WFI letter: an optional reference and the words left over.</summary>
public sealed record WfiReply(string? Reference, string Words);

/// <summary>
/// Reads a text reply to a WFI letter. "1" is the Jobcentre and "2" the children's centre (the order the
/// letter prints them); "jobcentre"/"job centre" and "centre"/"children's centre" say the same, and so
/// does the name of either venue on that letter. Politeness around it ("2 please", "Centre thanks x")
/// is ignored; anything else ("can I come at 2pm?") is not a choice and goes to the adviser.
/// </summary>
public static class WfiReplyParser
{
    private static readonly string[] Filler =
    [
        "please", "pls", "plz", "thanks", "thank you", "thankyou", "ta", "cheers", "x", "xx", "xxx", "ok", "okay", "hi", "hello",
        "option", "number", "no", "ref", "reference", "i choose", "i chose", "i pick", "i want", "i would like", "id like", "the",
    ];

    private static readonly string[] JobcentreWords = ["1", "one", "jobcentre", "job centre", "jobcentre plus", "job centre plus", "jcp"];

    private static readonly string[] CentreWords = ["2", "two", "centre", "center", "childrens centre", "childrens center", "children centre", "the centre", "cc"];

    public static WfiReply Read(string? body)
    {
        var words = ReplyClassifier.Normalise(body);
        string? reference = null;
        if (WfiReference.TryFind(words, out var found, out var rest))
        {
            reference = found;
            words = ReplyClassifier.Normalise(rest);
        }

        return new WfiReply(reference, ReplyClassifier.StripAround(words, Filler));
    }

    /// <summary>Which option the words name, given the two venue names on that letter; null when they name neither or both.</summary>
    public static string? OptionFor(string words, string jobcentreName, string centreName)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Length == 0)
        {
            return null;
        }

        var jobcentre = JobcentreWords.Contains(words) || words == ReplyClassifier.StripAround(ReplyClassifier.Normalise(jobcentreName), Filler);
        var centre = CentreWords.Contains(words) || words == ReplyClassifier.StripAround(ReplyClassifier.Normalise(centreName), Filler);
        return jobcentre == centre ? null : jobcentre ? WfiOptionKeys.Jobcentre : WfiOptionKeys.Centre;
    }
}
