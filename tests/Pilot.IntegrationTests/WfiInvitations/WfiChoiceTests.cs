using System.Text;
using Pilot.Shared.Appointments;
using Pilot.Shared.Letters.Dispatch;
using Pilot.Shared.Sms.Inbound;
using Pilot.Shared.Sms.Outbound;
using Pilot.Shared.Venues;
using Pilot.Shared.WfiInvitations;
using Pilot.Shared.WfiInvitations.Choosing;
using Pilot.Shared.WfiInvitations.Letters;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.WfiInvitations;

/// <summary>Letters, text replies, the default timer and the link's expiry, through the real services on Azurite with a fake clock.</summary>
public sealed class WfiChoiceTests
{
    private const string Mobile = "+447700900123";
    private int _sid;

    [Fact]
    public async Task A_letter_job_delivered_twice_renders_stores_posts_and_texts_once()
    {
        await using var services = await StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var invitation = await WfiScenario.InviteAsync(services, parent);
        var job = new WfiLetterJob(WfiScenario.Lambeth, invitation.Id);

        await services.Get<WfiLetterJobs>().ProcessAsync(job, CancellationToken.None);
        await services.Get<WfiLetterJobs>().ProcessAsync(job, CancellationToken.None);

        var stored = await WfiScenario.GetAsync(services, invitation.Id);
        Assert.Equal(WfiInvitationStatuses.Posted, stored.Status);
        Assert.Equal(PrintBatchLetterDispatcher.ChannelName, stored.DispatchChannel);
        Assert.Equal("sent", stored.CompanionText);
        var pdf = await services.Get<LetterStore>().ReadAsync(invitation.Reference, CancellationToken.None);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf!, 0, 4));
        Assert.Single(await services.Get<LetterStore>().PrintBatchAsync(RespondByDate.LondonDate(services.Time.GetUtcNow()), CancellationToken.None));
        var text = Assert.Single(await Outbox.AllAsync(services));
        Assert.Equal($"{DueBuckets.For(stored.PostedAt!.Value)}-wfi-{invitation.Id}-letter", text.RowKey); // its place in Texts
        Assert.Contains(invitation.Reference, text.GetString("Body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_who_opted_out_gets_the_letter_but_no_companion_text()
    {
        await using var services = await StartAsync();
        var parent = await Scenario.ParentAsync(services);
        await HandleAsync(services, "STOP");
        var invitation = await WfiScenario.InviteAsync(services, parent);

        await services.Get<WfiLetterJobs>().ProcessAsync(new WfiLetterJob(WfiScenario.Lambeth, invitation.Id), CancellationToken.None);

        var stored = await WfiScenario.GetAsync(services, invitation.Id);
        Assert.Equal(WfiInvitationStatuses.Posted, stored.Status);
        Assert.Equal("opted-out", stored.CompanionText);
        Assert.DoesNotContain(await Outbox.AllAsync(services), t => t.RowKey.Contains("-wfi-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Letter_jobs_that_can_never_work_fail_with_their_reason()
    {
        await using var services = await StartAsync();
        var jobs = services.Get<WfiLetterJobs>();

        var empty = await Assert.ThrowsAsync<WfiLetterJobException>(() => jobs.ProcessAsync(new WfiLetterJob(null, null), CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<WfiLetterJobException>(() => jobs.ProcessAsync(new WfiLetterJob(WfiScenario.Lambeth, "nope"), CancellationToken.None));

        Assert.Contains("names no officeId", empty.Message, StringComparison.Ordinal);
        Assert.Contains("No invitation nope", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_2_books_the_centre_so_the_usual_confirmation_follows()
    {
        await using var services = await StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var invitation = await PostedAsync(services, parent);

        Assert.Equal(InboundOutcome.Handled, await HandleAsync(services, "2 please"));

        var stored = await WfiScenario.GetAsync(services, invitation.Id);
        Assert.Equal(WfiInvitationStatuses.Chosen, stored.Status);
        Assert.Equal(WfiOptionKeys.Centre, stored.Choice);
        Assert.Equal(WfiChoiceMethods.Text, stored.ChoiceMethod);
        var appointment = await Scenario.ViewAsync(services, stored.AppointmentId!);
        Assert.Equal(stored.CentreVenueId, appointment.VenueId);
        Assert.Equal(AppointmentKinds.Wfi, appointment.Kind);
        Assert.Equal(stored.CentreStartsAt, appointment.StartsAt);
        Assert.Contains(appointment.Texts, t => t.Kind == "confirmation");
    }

    [Fact]
    public async Task Reply_with_the_jobcentres_name_books_the_jobcentre_and_a_parent_without_reminders_is_told_by_reply()
    {
        await using var services = await StartAsync();
        var parent = await Scenario.ParentAsync(services, consent: false);
        var invitation = await PostedAsync(services, parent);
        var jobcentre = (await services.Get<VenueStore>().GetAsync(WfiScenario.Lambeth, CancellationToken.None))!;

        Assert.Equal(InboundOutcome.Handled, await HandleAsync(services, jobcentre.Name.ToUpperInvariant()));

        var stored = await WfiScenario.GetAsync(services, invitation.Id);
        Assert.Equal(WfiOptionKeys.Jobcentre, stored.Choice);
        Assert.Equal(WfiScenario.Lambeth, (await Scenario.ViewAsync(services, stored.AppointmentId!)).VenueId);
        var reply = Assert.Single(await Outbox.AllAsync(services), t => t.RowKey.Contains("-reply-", StringComparison.Ordinal));
        Assert.Contains(jobcentre.Phone, reply.GetString("Body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_twice_changes_nothing_and_a_change_of_mind_rebooks()
    {
        await using var services = await StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var invitation = await PostedAsync(services, parent);

        await HandleAsync(services, "centre");
        var first = await WfiScenario.GetAsync(services, invitation.Id);
        await HandleAsync(services, "Centre");
        var again = await WfiScenario.GetAsync(services, invitation.Id);
        await HandleAsync(services, "1");
        var changed = await WfiScenario.GetAsync(services, invitation.Id);

        Assert.Equal(first.AppointmentId, again.AppointmentId);
        Assert.Equal(1, again.Bookings);
        Assert.Equal(WfiOptionKeys.Jobcentre, changed.Choice);
        Assert.NotEqual(first.AppointmentId, changed.AppointmentId);
        Assert.Equal(AppointmentStatuses.Cancelled, (await Scenario.ViewAsync(services, first.AppointmentId!)).Status);
        Assert.Equal(AppointmentStatuses.Booked, (await Scenario.ViewAsync(services, changed.AppointmentId!)).Status);
    }

    [Fact]
    public async Task With_two_open_letters_a_bare_reply_asks_for_the_reference_and_the_reference_decides()
    {
        await using var services = await StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var first = await PostedAsync(services, parent);
        var second = await PostedAsync(services, parent);

        Assert.Equal(InboundOutcome.Handled, await HandleAsync(services, "2"));
        var question = Assert.Single(await Outbox.AllAsync(services), t => t.RowKey.Contains("-reply-", StringComparison.Ordinal));
        Assert.Contains("reference", question.GetString("Body"), StringComparison.Ordinal);
        Assert.Null((await WfiScenario.GetAsync(services, first.Id)).Choice);

        Assert.Equal(InboundOutcome.Handled, await HandleAsync(services, $"{second.Reference.ToLowerInvariant()} 2"));

        Assert.Null((await WfiScenario.GetAsync(services, first.Id)).Choice);
        Assert.Equal(WfiOptionKeys.Centre, (await WfiScenario.GetAsync(services, second.Id)).Choice);
    }

    [Fact]
    public async Task A_text_that_names_no_option_still_goes_to_the_adviser()
    {
        await using var services = await StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var invitation = await PostedAsync(services, parent);

        Assert.Equal(InboundOutcome.Stored, await HandleAsync(services, "can I bring my baby?"));
        Assert.Null((await WfiScenario.GetAsync(services, invitation.Id)).Choice);
    }

    [Fact]
    public async Task After_the_reply_date_the_timer_books_the_jobcentre_for_the_silent_and_tells_them_once()
    {
        await using var services = await StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var silent = await PostedAsync(services, parent);
        var answered = await PostedAsync(services, parent);
        await HandleAsync(services, $"{answered.Reference} 2");
        var neverPosted = await WfiScenario.InviteAsync(services, parent); // its letter job never ran

        services.Time.Advance(TimeSpan.FromDays(5));
        Assert.Equal(0, await services.Get<WfiDefaults>().RunAsync(CancellationToken.None)); // the reply date itself still takes answers
        services.Time.Advance(TimeSpan.FromDays(1));
        var defaulted = await services.Get<WfiDefaults>().RunAsync(CancellationToken.None);
        var again = await services.Get<WfiDefaults>().RunAsync(CancellationToken.None);

        Assert.Equal(1, defaulted);
        Assert.Equal(0, again);
        var stored = await WfiScenario.GetAsync(services, silent.Id);
        Assert.Equal(WfiInvitationStatuses.Defaulted, stored.Status);
        Assert.Equal(WfiChoiceMethods.Default, stored.ChoiceMethod);
        Assert.Equal(WfiScenario.Lambeth, (await Scenario.ViewAsync(services, stored.AppointmentId!)).VenueId);
        Assert.Equal(WfiOptionKeys.Centre, (await WfiScenario.GetAsync(services, answered.Id)).Choice);
        Assert.Equal(WfiInvitationStatuses.Requested, (await WfiScenario.GetAsync(services, neverPosted.Id)).Status);
        Assert.Single(await Outbox.AllAsync(services), t => t.RowKey.EndsWith($"-wfi-{silent.Id}-defaulted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_default_timer_does_nothing_in_quiet_hours()
    {
        await using var services = await StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var invitation = await PostedAsync(services, parent);

        services.Time.Advance(TimeSpan.FromDays(6) + TimeSpan.FromHours(13)); // 22:00 London, the day after the reply date
        Assert.Equal(0, await services.Get<WfiDefaults>().RunAsync(CancellationToken.None));
        services.Time.Advance(TimeSpan.FromHours(10)); // 08:00
        Assert.Equal(1, await services.Get<WfiDefaults>().RunAsync(CancellationToken.None));
        Assert.Equal(WfiInvitationStatuses.Defaulted, (await WfiScenario.GetAsync(services, invitation.Id)).Status);
    }

    [Fact]
    public async Task After_the_reply_date_the_link_shows_an_expired_page_and_a_text_is_told_choices_closed()
    {
        await using var services = await StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var invitation = await PostedAsync(services, parent);
        var stored = await WfiScenario.GetAsync(services, invitation.Id);
        var token = ChoiceToken.Create(stored.Reference, stored.Id, RespondByDate.EndOf(stored.RespondBy), Encoding.UTF8.GetBytes(WfiScenario.SigningKey));
        Assert.Equal(200, (await services.Get<WfiChoicePages>().ShowAsync(token, CancellationToken.None)).StatusCode);

        services.Time.Advance(TimeSpan.FromDays(6));
        var shown = await services.Get<WfiChoicePages>().ShowAsync(token, CancellationToken.None);
        var posted = await services.Get<WfiChoicePages>().ChooseAsync(token, _ => Task.FromResult(new WfiChoiceForm(WfiOptionKeys.Centre)), CancellationToken.None);
        await HandleAsync(services, $"{stored.Reference} 2");

        Assert.Equal(410, shown.StatusCode);
        Assert.Contains("This link has expired", shown.Html, StringComparison.Ordinal);
        Assert.Equal(410, posted.StatusCode);
        Assert.Null((await WfiScenario.GetAsync(services, invitation.Id)).Choice);
        var reply = Assert.Single(await Outbox.AllAsync(services), t => t.RowKey.Contains("-reply-", StringComparison.Ordinal));
        Assert.Contains("closed", reply.GetString("Body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_for_a_parent_whose_address_cannot_go_on_a_letter_is_refused_naming_the_parent()
    {
        await using var services = await StartAsync();
        var outcome = await services.Get<Pilot.Shared.Parents.ParentRegistration>().RegisterAsync(
            RoleKeys.LambethOffice,
            new Pilot.Shared.Parents.RegisterParentRequest("Amina", "07700 900123", new Pilot.Shared.Parents.AddressRequest(["No fixed abode"], "SW9 9TN"), "en", new Pilot.Shared.Parents.ConsentsRequest(true)),
            CancellationToken.None);

        var refused = await services.Get<WfiInvitationDesk>().CreateAsync(WfiScenario.LambethOffice, WfiScenario.Request(outcome.Value!.Id, services.Time.GetUtcNow()), "api", CancellationToken.None);

        Assert.Equal(Pilot.Shared.Validation.OutcomeKind.Invalid, refused.Kind);
        var error = Assert.Single(refused.Errors);
        Assert.Equal("parentId", error.Field);
        Assert.Contains("cannot be printed on a letter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_seeds_one_wfi_invitation_whose_letter_goes_out()
    {
        await using var services = await StartAsync();
        var seeder = services.Get<Pilot.Shared.DemoData.DemoSeeder>();

        await seeder.SeedAsync(CancellationToken.None);
        await seeder.SeedAsync(CancellationToken.None);
        await services.Get<WfiLetterJobs>().ProcessAsync(new WfiLetterJob(WfiDemoInvitation.OfficeId, WfiDemoInvitation.Id), CancellationToken.None);

        var demo = (await services.Get<WfiInvitationStore>().GetAsync(WfiDemoInvitation.OfficeId, WfiDemoInvitation.Id, CancellationToken.None))!;
        Assert.Equal(WfiInvitationStatuses.Posted, demo.Status);
        Assert.Equal("Ealing", (await services.Get<VenueStore>().GetAsync(demo.CentreVenueId, CancellationToken.None))!.LocalAuthority);
        Assert.Single(await services.Get<WfiInvitationStore>().ForParentAsync(WfiDemoInvitation.ParentId, CancellationToken.None));
    }

    private static Task<PilotServices> StartAsync() => PilotServices.StartAsync(settings: WfiScenario.Settings());

    private static async Task<WfiInvitationAccepted> PostedAsync(PilotServices services, string parentId)
    {
        var invitation = await WfiScenario.InviteAsync(services, parentId);
        await services.Get<WfiLetterJobs>().ProcessAsync(new WfiLetterJob(WfiScenario.Lambeth, invitation.Id), CancellationToken.None);
        return invitation;
    }

    private Task<InboundOutcome> HandleAsync(PilotServices services, string body)
        => services.Get<InboundTexts>().HandleAsync(new InboundText(Mobile, body, "twilio", $"SMwfi{++_sid}", services.Time.GetUtcNow()), CancellationToken.None);
}
