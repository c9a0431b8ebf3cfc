namespace Pilot.Shared.Sms.Outbound.Policy;

/// <summary>
/// The one decision about sending a text, pure: <see cref="Look"/> at the row as read, then, for a text to send or to
/// repeat, <see cref="Decide"/> over what its kind depends on. The order is the rule: a failed check cancels; quiet
/// hours defer (or cancel what would then be too late); the number's hourly cap holds; otherwise it is sent. The
/// checks that differ by kind are in one <see cref="ITextRule"/> each.
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

        if (rule.KeepsQuietHours && facts.Quiet.IsQuiet(facts.Now))
        {
            var end = facts.Quiet.EndOfQuietPeriodContaining(facts.Now);
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

    /// <summary>After every provider failed an attempt technically: when to try again, or null for technical-failure.</summary>
    public static DateTimeOffset? AfterProviderFailure(TextEntity text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RetryBackoff.NextAttempt(text.Attempts, text.DueAt, now);
    }
}
