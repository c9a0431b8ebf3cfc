using System.Globalization;

namespace Pilot.Shared.Sms.Limits;

/// <summary>
/// The texts one number was sent in the last hour: a rolling 60 minutes, not a clock hour. A slot counts at
/// <c>now</c> while its claim time is in (now - 60 min, now], so it frees exactly 60 minutes after it was claimed,
/// and a claim that finds fewer than the cap counting leaves no 60-minute interval holding more than the cap.
/// A slot claimed later than <c>now</c> (another worker's clock a little ahead) counts too.
/// </summary>
public sealed record NumberHour(IReadOnlyList<CapSlot> Slots)
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(1);

    /// <summary>
    /// Most slots a row keeps, twice the highest cap allowed (100): texts that cannot wait may go over the cap without
    /// end (a parent texting us again and again), and the row's one column must stay within a table property's 64 KiB.
    /// </summary>
    public const int MostSlotsKept = 200;

    public static NumberHour Empty { get; } = new NumberHour([]);

    /// <summary>The slots that count at <paramref name="now"/>, oldest first.</summary>
    public IReadOnlyList<CapSlot> CountingAt(DateTimeOffset now) =>
        [.. Slots.Where(s => s.ClaimedAt > now - Length).OrderBy(s => s.ClaimedAt)];

    /// <summary>Whether the message holds a slot that still counts: claiming again keeps that one slot.</summary>
    public bool Holds(string messageId, DateTimeOffset now) =>
        CountingAt(now).Any(s => string.Equals(s.MessageId, messageId, StringComparison.Ordinal));

    /// <summary>
    /// Null when a slot is free at <paramref name="now"/>; otherwise when the next one frees, the moment enough of the
    /// oldest slots have turned 60 minutes old to leave fewer than <paramref name="cap"/> (slots over the cap, from texts
    /// that could not wait, must age out first).
    /// </summary>
    public DateTimeOffset? NextSlotAt(DateTimeOffset now, int cap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        var counting = CountingAt(now);
        return counting.Count < cap ? null : counting[counting.Count - cap].ClaimedAt + Length;
    }

    /// <summary>
    /// Null when the message may go at <paramref name="now"/> (it holds a slot already, or one is free); otherwise when its
    /// number's next slot frees. The hourly cap's one rule: the sender asks it, <see cref="HourlyTextCap"/> keeps it.
    /// </summary>
    public DateTimeOffset? FullUntil(string messageId, DateTimeOffset now, int cap) =>
        Holds(messageId, now) ? null : NextSlotAt(now, cap);

    /// <summary>
    /// The hour after the message claims a slot at <paramref name="now"/>: slots that no longer count are dropped (the
    /// row stays small), and the message's own earlier slot, if any, moves to now, since a repeat may go now. Past
    /// <see cref="MostSlotsKept"/> the oldest go first: queued texts then wait only as long as the newest slots say.
    /// </summary>
    public NumberHour Claim(string messageId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        IEnumerable<CapSlot> kept = [
            .. CountingAt(now).Where(s => !string.Equals(s.MessageId, messageId, StringComparison.Ordinal)),
            new CapSlot(messageId, now),
        ];
        return new NumberHour([.. kept.TakeLast(MostSlotsKept)]);
    }

    /// <summary>The slots as one column: a line each, the claim time (UTC, round-trip format), a space, the message id.</summary>
    public string Write() => string.Join('\n', Slots.Select(s =>
        s.ClaimedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) + " " + s.MessageId));

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static NumberHour Read(string? column)
    {
        if (string.IsNullOrEmpty(column))
        {
            return Empty;
        }

        return new NumberHour([.. column.Split('\n').Select(line =>
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            return new CapSlot(line[(space + 1)..], DateTimeOffset.ParseExact(line[..space], "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        })]);
    }
}
