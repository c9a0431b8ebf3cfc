using System.Collections.Frozen;
using System.Text;

namespace Pilot.Shared.Sms.Inbound;

public enum ReplyKind
{
    Unknown,
    OptOut,
    OptIn,

    /// <summary>"JOBS OFF": vacancy alerts only; reminders carry on.</summary>
    AlertsOff,

    /// <summary>"JOBS ON": vacancy alerts back on.</summary>
    AlertsOn,

    /// <summary>"CHANGE": the parent asks for the link to their own page (answered by Parents/OwnPage/ChangeLinkReplies).</summary>
    ChangeLink,
}

/// <summary>
/// Reads what a parent texted back. The rule: a text opts out (or in) only when the WHOLE message,
/// once punctuation, apostrophes, case and politeness ("please", "thanks", "x", "can you"...) are
/// set aside, is one of the carriers' keywords or one of the known phrases. So "STOP", "Stop please!",
/// and "please stop texting me" opt out, while "don't stop", "stop by the centre tomorrow?" and
/// "cancel my appointment" are questions for the adviser. Missing a polite opt-out costs one more
/// text and a human reading it; treating a question as STOP would silently cut a parent off.
/// </summary>
public static class ReplyClassifier
{
    // Twilio's (and the UK networks') standard opt-out words, plus spellings people use.
    private static readonly FrozenSet<string> OptOutPhrases = FrozenSet.Create(StringComparer.Ordinal,
        "stop", "stopall", "stop all", "unsubscribe", "cancel", "end", "quit", "revoke", "optout", "opt out",
        "stop texting", "stop texting me", "stop texts", "stop the texts", "stop these texts", "stop text messages",
        "stop messages", "stop the messages", "stop messaging me", "stop sending", "stop sending me texts", "stop sending texts",
        "stop sending me messages", "stop sending messages", "stop sending me text messages", "stop contacting me",
        "no more texts", "no more messages", "no more text messages", "no texts",
        "dont text me", "do not text me", "dont text me again", "do not text me again", "dont message me", "do not message me",
        "dont send me texts", "do not send me texts", "dont send me messages", "do not send me messages", "dont contact me", "do not contact me",
        "unsubscribe me", "remove me", "remove me from your list", "remove my number", "take me off", "take me off your list",
        "i want to unsubscribe", "i want to opt out", "i want to stop", "i dont want these texts", "i dont want any more texts");

    private static readonly FrozenSet<string> OptInPhrases = FrozenSet.Create(StringComparer.Ordinal,
        "start", "unstop", "start again", "restart", "resume", "opt in", "optin", "subscribe", "resubscribe",
        "start texting me", "start texting me again", "start texts again", "start the texts again", "start sending me texts again",
        "start sending texts again", "start sending me messages again", "start messages again", "text me again", "you can text me again");

    // Alerts only: the word the alert texts give ("Reply JOBS OFF"), and close variants.
    private static readonly FrozenSet<string> AlertsOffPhrases = FrozenSet.Create(StringComparer.Ordinal,
        "jobs off", "job off", "jobsoff", "stop jobs", "stop job texts", "stop job alerts", "no more jobs", "no more job texts", "jobs stop");

    private static readonly FrozenSet<string> AlertsOnPhrases = FrozenSet.Create(StringComparer.Ordinal,
        "jobs on", "job on", "jobson", "start jobs", "start job texts", "start job alerts", "jobs start");

    // The word the opt-in confirmation gives ("Reply CHANGE for a link"), and close variants.
    private static readonly FrozenSet<string> ChangeLinkPhrases = FrozenSet.Create(StringComparer.Ordinal,
        "change", "changes", "change link", "link", "send link", "send me the link", "send me my link", "change my hours", "change hours", "zmien", "zmień");

    // Said before or after the request without changing it. Longest first so "thank you" wins over "thank".
    private static readonly string[] Politeness =
    [
        "i would like you to", "i want you to", "could you please", "can you please", "would you please",
        "could you", "can you", "would you", "will you", "thank you", "many thanks", "thankyou", "thanks", "thank u", "thx", "ta",
        "cheers", "please", "pls", "plz", "now", "ok", "okay", "hi", "hello", "sorry", "just", "xxx", "xx", "x",
    ];

    public static ReplyKind Classify(string? body)
    {
        var words = Normalise(body);
        if (words.Length == 0)
        {
            return ReplyKind.Unknown;
        }

        // Only politeness ("thanks x") leaves nothing to act on.
        var core = StripAround(words, Politeness);
        return OptOutPhrases.Contains(core) ? ReplyKind.OptOut
            : OptInPhrases.Contains(core) ? ReplyKind.OptIn
            : AlertsOffPhrases.Contains(core) ? ReplyKind.AlertsOff
            : AlertsOnPhrases.Contains(core) ? ReplyKind.AlertsOn
            : ChangeLinkPhrases.Contains(core) ? ReplyKind.ChangeLink
            : ReplyKind.Unknown;
    }

    /// <summary>Lower case, apostrophes dropped ("don't" → "dont"), anything else not a letter or digit a space, spaces collapsed.</summary>
    internal static string Normalise(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        var builder = new StringBuilder(body.Length);
        foreach (var c in body)
        {
            if (c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4')
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// Takes <paramref name="fillers"/> off the front and back of <paramref name="words"/> (already <see cref="Normalise"/>d)
    /// until none is left there; "" when the words were only fillers. The fillers are tried in the order given, so a
    /// longer phrase listed first ("thank you") wins over its start ("thank").
    /// </summary>
    internal static string StripAround(string words, IReadOnlyList<string> fillers)
    {
        var changed = true;
        while (changed && words.Length > 0)
        {
            changed = false;
            foreach (var filler in fillers)
            {
                if (words == filler)
                {
                    return "";
                }

                if (words.StartsWith(filler + " ", StringComparison.Ordinal))
                {
                    words = words[(filler.Length + 1)..];
                    changed = true;
                }
                else if (words.EndsWith(" " + filler, StringComparison.Ordinal))
                {
                    words = words[..^(filler.Length + 1)];
                    changed = true;
                }
            }
        }

        return words;
    }
}
