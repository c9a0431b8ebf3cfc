using Pilot.Shared.Time;

namespace Pilot.Shared.Sms.Outbound.Policy;

/// <summary>
/// The one decision about sending a text, pure: <see cref="Look"/> at the row as read, then, for a text to send or to
/// repeat, <see cref="Decide"/> over what its kind depends on. The order is the rule: a failed check cancels; quiet
/// hours, and the half minute before them, defer (or cancel what would then be too late); the number's hourly cap
/// holds; otherwise it is sent. The checks that differ by kind are in one <see cref="ITextRule"/> each.
/// </summary>
public static class SendPolicy
{
    private static readonly ITextRule[] Rules = [new ReminderRule(), new AlertRule(), new DigestRule(), new WfiRule(), new ReplyRule(), new ParentLinkRule()];

    public static ITextRule RuleFor(string kind) =>
        Rules.FirstOrDefault(r => r.Covers(kind)) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "no send rule for this kind of text");

    /// <summary>
    /// Null when the text waits to be sent (load its facts and <see cref="Decide"/>); otherwise done already, leave it
    /// until its lease or backoff ends, or settle an interrupted send whose lease is over.
    /// </summary>
    public static SendDecision? Look(TextEntity text, DateTimeOffset now, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TextStates.IsPending(text.State))
        {
            return null;
        }

        if (text.State != TextStates.Sending)
        {
            return new AlreadyDone();
        }

        return text.LookAgainAt(lease) is { } at && now < at ? new LookLater(at) : new Settle();
    }

    public static SendDecision Decide(SendFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var text = facts.Text;
        var rule = RuleFor(text.Kind);
        if (rule.WhyNot(facts) is { } reason)
        {
            return new Cancel(reason);
        }

        if (rule.KeepsQuietHours && QuietFrom(facts) is { } quiet)
        {
            var end = facts.Quiet.EndOfQuietPeriodContaining(quiet);
            return rule.WhyNotAfterQuietHours(facts, end) is { } late ? new Cancel(late) : new DeferUntil(end);
        }

        // A repeat goes as first written (a provider that de-duplicates may hold the first attempt under this id).
        var repeat = text.State == TextStates.Sending;
        var body = repeat ? text.Body : rule.Compose(facts);
        if (body is null)
        {
            return new Cancel(rule.NothingLeft);
        }

        if (facts.Number is not { Length: > 0 } number)
        {
            return new Cancel("no-mobile");
        }

        if (!rule.MayGoOverCap && facts.Hour.FullUntil(text.ProviderId, facts.Now, facts.Cap) is { } until)
        {
            return new HoldUntil(until);
        }

        return new Send(number, body, repeat);
    }

    /// <summary>
    /// How much later than the attempt that sent it gave up a provider may still take a request (finding 25 of the
    /// fault run: a request taken 8 s into quiet hours, after its attempt had ended with no answer). No attempt may
    /// end later than this before quiet hours begin (<see cref="SmsMessage.NotAfter"/>).
    /// </summary>
    public static readonly TimeSpan ProviderLateness = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A text is not begun in the last <see cref="QuietHoursMargin"/> before quiet hours: the time from the decision
    /// to the provider (the cap's claim and the move to sending, 10 s allowed), one attempt (10 s at most by default)
    /// and <see cref="ProviderLateness"/> fit in it. Texts the planner files at 20:59 still go in that minute's first half.
    /// </summary>
    public static readonly TimeSpan QuietHoursMargin = TimeSpan.FromSeconds(30);

    /// <summary>When the provider must have been given the text: <see cref="ProviderLateness"/> before the next quiet hours.</summary>
    public static DateTimeOffset? LastAttemptEnd(QuietHours quiet, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(quiet);
        return quiet.NextStartAfter(now) - ProviderLateness;
    }

    /// <summary>The instant whose quiet period the text would fall in, or null when it may be begun now.</summary>
    private static DateTimeOffset? QuietFrom(SendFacts facts)
    {
        if (facts.Quiet.IsQuiet(facts.Now))
        {
            return facts.Now;
        }

        var soon = facts.Now + QuietHoursMargin;
        return facts.Quiet.IsQuiet(soon) ? soon : null;
    }

    /// <summary>After every provider failed an attempt technically: when to try again, or null for technical-failure.</summary>
    public static DateTimeOffset? AfterProviderFailure(TextEntity text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RetryBackoff.NextAttempt(text.Attempts, text.DueAt, now);
    }
}
