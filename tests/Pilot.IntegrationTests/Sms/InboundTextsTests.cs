using Pilot.Shared.Parents;
using Pilot.Shared.Reminders;
using Pilot.Shared.Reminders.Dispatch;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Sms.Outbound;

namespace Pilot.IntegrationTests.Sms;

/// <summary>Texts parents send us, through the real services on Azurite, with the clock in the test's hands.</summary>
public sealed class InboundTextsTests
{
    private const string Mobile = "+447700900123";
    private int _sid;

    [Fact]
    public async Task Stop_opts_the_parent_out_records_the_channel_and_confirms_once()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);

        var first = await HandleAsync(services, "STOP");
        var again = await HandleAsync(services, "stop");

        Assert.Equal(InboundOutcome.OptedOut, first);
        Assert.Equal(InboundOutcome.NoChange, again);
        Assert.NotNull((await services.Get<ParentStore>().GetAsync(parent, CancellationToken.None))!.OptedOutAt);
        var change = Assert.Single(await services.Get<ParentStore>().ConsentHistoryAsync(parent, CancellationToken.None), c => c.Consent == ParentConsents.OptOut);
        Assert.True(change.Given);
        Assert.Equal("sms-twilio", change.Channel);
        var reply = Assert.Single(await Outbox.AllAsync(services));
        Assert.Equal(Mobile, reply.GetString("To"));
        Assert.Equal(InboundReplies.OptedOut("en", await CentrePhoneAsync(services, parent)), reply.GetString("Body"));
        Assert.Matches("^[0-9]{12}-reply-twilio-", reply.RowKey); // its place in Texts, then its own id
    }

    [Fact]
    public async Task A_polite_stop_opts_out_too()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);

        Assert.Equal(InboundOutcome.OptedOut, await HandleAsync(services, "please stop texting me"));
        Assert.NotNull((await services.Get<ParentStore>().GetAsync(parent, CancellationToken.None))!.OptedOutAt);
    }

    [Fact]
    public async Task After_stop_a_due_reminder_is_cancelled_and_never_reaches_the_outbox()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(1).AddHours(1.5));
        await SendQueueReader.DrainAsync(services); // the confirmation

        await HandleAsync(services, "Stop.");
        services.Time.Advance(TimeSpan.FromHours(1.5) + TimeSpan.FromMinutes(3));
        await services.Get<DueReminderDispatcher>().DispatchDueAsync(CancellationToken.None);
        await SendQueueReader.DrainAsync(services);

        var reminder = (await Scenario.ViewAsync(services, booked.Id)).Texts.Single(t => t.Kind == "reminder-1d");
        Assert.Equal(TextStates.Cancelled, reminder.State);
        Assert.Equal("no-consent", reminder.CancelReason);
        Assert.DoesNotContain(await Outbox.AllAsync(services), e => e.RowKey.EndsWith("-reminder-1d", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_opts_back_in_and_a_later_reminder_is_sent()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var booked = await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(1).AddHours(1.5));
        await SendQueueReader.DrainAsync(services);

        await HandleAsync(services, "STOP");
        services.Time.Advance(TimeSpan.FromMinutes(10));
        var started = await HandleAsync(services, "Please start texting me again");
        services.Time.Advance(TimeSpan.FromHours(1.5));
        await services.Get<DueReminderDispatcher>().DispatchDueAsync(CancellationToken.None);
        await SendQueueReader.DrainAsync(services);

        Assert.Equal(InboundOutcome.OptedIn, started);
        Assert.Null((await services.Get<ParentStore>().GetAsync(parent, CancellationToken.None))!.OptedOutAt);
        var history = (await services.Get<ParentStore>().ConsentHistoryAsync(parent, CancellationToken.None)).Where(c => c.Consent == ParentConsents.OptOut).ToList();
        Assert.Equal([true, false], history.Select(c => c.Given));
        var reminder = (await Scenario.ViewAsync(services, booked.Id)).Texts.Single(t => t.Kind == "reminder-1d");
        Assert.Equal(TextStates.Delivered, reminder.State);
        var outbox = await Outbox.AllAsync(services);
        Assert.Contains(outbox, e => e.RowKey.EndsWith("-reminder-1d", StringComparison.Ordinal));
        var optedIn = InboundReplies.OptedIn("en", await CentrePhoneAsync(services, parent));
        Assert.Contains(outbox, e => e.GetString("Body") == optedIn);
    }

    [Fact]
    public async Task An_unknown_reply_is_stored_for_the_adviser_and_answered_once_a_day()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);
        await Scenario.BookAsync(services, parent, PilotServices.Morning.AddDays(3));
        await SendQueueReader.DrainAsync(services);
        var before = (await Outbox.AllAsync(services)).Count;

        var first = await HandleAsync(services, "Can I bring my baby?");
        services.Time.Advance(TimeSpan.FromHours(5));
        var second = await HandleAsync(services, "Hello??");
        services.Time.Advance(TimeSpan.FromHours(20));
        await HandleAsync(services, "stop by the centre tomorrow?");

        Assert.Equal(InboundOutcome.Stored, first);
        Assert.Equal(InboundOutcome.Stored, second);
        var stored = await services.Get<InboundTextStore>().ListAsync(parent, CancellationToken.None);
        Assert.Equal(["stop by the centre tomorrow?", "Hello??", "Can I bring my baby?"], stored.Select(s => s.Body)); // newest first
        Assert.All(stored, s => Assert.Equal(Mobile, s.From));
        Assert.Equal([true, false, true], stored.Select(s => s.AnsweredAt is not null));
        var replies = (await Outbox.AllAsync(services)).Skip(0).Where(e => e.RowKey.Contains("-reply-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Equal(before + 2, (await Outbox.AllAsync(services)).Count);

        // The centre of the parent's booking gives its own number.
        var venue = await services.Get<Pilot.Shared.Venues.VenueStore>().GetAsync(Scenario.Centre, CancellationToken.None);
        Assert.All(replies, r => Assert.Equal(InboundReplies.CannotReadReplies("en", venue!.Phone), r.GetString("Body")));
        Assert.Null((await services.Get<ParentStore>().GetAsync(parent, CancellationToken.None))!.OptedOutAt);
    }

    [Fact]
    public async Task The_same_webhook_delivered_twice_is_handled_once()
    {
        await using var services = await PilotServices.StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var inbound = services.Get<InboundTexts>();
        var text = new InboundText(Mobile, "What should I bring?", "acs", "acs-message-1", PilotServices.Morning);

        var first = await inbound.HandleAsync(text, CancellationToken.None);
        var second = await inbound.HandleAsync(text, CancellationToken.None);
        var stop = new InboundText(Mobile, "STOP", "acs", "acs-message-2", PilotServices.Morning);
        await inbound.HandleAsync(stop, CancellationToken.None);
        await services.Get<ParentConsents>().OptInAsync(parent, "adviser", CancellationToken.None);
        var stopAgain = await inbound.HandleAsync(stop, CancellationToken.None);

        Assert.Equal(InboundOutcome.Stored, first);
        Assert.Equal(InboundOutcome.Duplicate, second);
        Assert.Equal(InboundOutcome.Duplicate, stopAgain);
        Assert.Null((await services.Get<ParentStore>().GetAsync(parent, CancellationToken.None))!.OptedOutAt);
        Assert.Single(await services.Get<InboundTextStore>().ListAsync(parent, CancellationToken.None));
        Assert.Equal(2, (await Outbox.AllAsync(services)).Count);
    }

    [Fact]
    public async Task A_number_no_parent_has_is_stored_unmatched_and_not_answered()
    {
        await using var services = await PilotServices.StartAsync();
        await Scenario.ParentAsync(services);

        var outcome = await services.Get<InboundTexts>().HandleAsync(new InboundText("+447700900999", "STOP", "twilio", "SMunmatched", PilotServices.Morning), CancellationToken.None);

        Assert.Equal(InboundOutcome.Unmatched, outcome);
        var stored = Assert.Single(await services.Get<InboundTextStore>().ListAsync(InboundTextEntity.Unmatched, CancellationToken.None));
        Assert.Equal("+447700900999", stored.From);
        Assert.Empty(await Outbox.AllAsync(services));
    }

    private Task<InboundOutcome> HandleAsync(PilotServices services, string body)
        => services.Get<InboundTexts>().HandleAsync(
            new InboundText(Mobile, body, "twilio", $"SM{Interlocked.Increment(ref _sid):D32}", services.Time.GetUtcNow()),
            CancellationToken.None);

    /// <summary>The centre phone a reply names: the parent's last booked centre, if any.</summary>
    private static async Task<string?> CentrePhoneAsync(PilotServices services, string parentId)
    {
        var parent = await services.Get<ParentStore>().GetAsync(parentId, CancellationToken.None);
        return parent?.LastVenueId is { } venueId
            ? (await services.Get<Pilot.Shared.Venues.VenueStore>().GetAsync(venueId, CancellationToken.None))?.Phone
            : null;
    }
}
