using Microsoft.Extensions.DependencyInjection;
using Pilot.Shared.Letters;
using Pilot.Shared.Letters.Dispatch;
using Pilot.Shared.Parents.Erasure;
using Pilot.Shared.WfiInvitations;
using Pilot.Shared.WfiInvitations.Letters;
using Pilot.TestSupport;

namespace Pilot.IntegrationTests.WfiInvitations;

/// <summary>
/// An erasure that lands in the middle of a letter job, on real Azurite: the renderer and the dispatcher are
/// wrapped so that the erasure runs at the moment the letter is about to be stored or posted.
/// </summary>
public sealed class WfiLetterErasureRaceTests
{
    [Fact]
    public async Task An_erasure_while_the_letter_is_made_leaves_no_pdf_and_posts_nothing()
    {
        await using var services = await StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var invitation = await WfiScenario.InviteAsync(services, parent);
        services.Get<HookedRenderer>().AfterRender = () => services.Get<ParentErasure>().EraseAsync(RoleKeys.LambethOffice, parent, CancellationToken.None);

        await services.Get<WfiLetterJobs>().ProcessAsync(new WfiLetterJob(WfiScenario.Lambeth, invitation.Id), CancellationToken.None);

        Assert.Equal(1, services.Get<HookedRenderer>().Rendered);
        Assert.Equal(0, services.Get<HookedDispatcher>().HandedOver);
        Assert.Empty(await LetterBlobsAsync(services, invitation.Reference));
        var stored = await WfiScenario.GetAsync(services, invitation.Id);
        Assert.Equal(WfiInvitationStatuses.Cancelled, stored.Status);
        Assert.Null(stored.PostedAt);
    }

    [Fact]
    public async Task An_erasure_while_a_post_is_not_confirmed_leaves_no_pdf_and_the_job_coming_back_posts_nothing()
    {
        await using var services = await StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var invitation = await WfiScenario.InviteAsync(services, parent);
        var dispatcher = services.Get<HookedDispatcher>();
        dispatcher.BeforeHandOver = async () =>
        {
            await services.Get<ParentErasure>().EraseAsync(RoleKeys.LambethOffice, parent, CancellationToken.None);
            throw new LetterDispatchException("the answer was lost", isPermanent: false) { RetryAfter = TimeSpan.FromMinutes(4) };
        };
        var job = new WfiLetterJob(WfiScenario.Lambeth, invitation.Id);

        await services.Get<WfiLetterJobs>().ProcessAsync(job, CancellationToken.None);
        dispatcher.BeforeHandOver = null;
        services.Time.Advance(TimeSpan.FromMinutes(5));
        await services.Get<WfiLetterJobs>().ProcessAsync(job, CancellationToken.None); // the delayed job

        Assert.Equal(1, dispatcher.Tried);
        Assert.Equal(0, dispatcher.HandedOver);
        Assert.Empty(await LetterBlobsAsync(services, invitation.Reference));
        Assert.Equal(WfiInvitationStatuses.Cancelled, (await WfiScenario.GetAsync(services, invitation.Id)).Status);
    }

    [Fact]
    public async Task An_erasure_while_the_letter_is_handed_over_leaves_no_copy_of_it_behind()
    {
        // A letter the channel has taken cannot be called back; what Pilot keeps of it, it deletes.
        await using var services = await StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var invitation = await WfiScenario.InviteAsync(services, parent);
        var dispatcher = services.Get<HookedDispatcher>();
        dispatcher.BeforeHandOver = () => services.Get<ParentErasure>().EraseAsync(RoleKeys.LambethOffice, parent, CancellationToken.None);

        await services.Get<WfiLetterJobs>().ProcessAsync(new WfiLetterJob(WfiScenario.Lambeth, invitation.Id), CancellationToken.None);

        Assert.Equal(1, dispatcher.HandedOver);
        Assert.Empty(await LetterBlobsAsync(services, invitation.Reference));
        var stored = await WfiScenario.GetAsync(services, invitation.Id);
        Assert.Equal(WfiInvitationStatuses.Cancelled, stored.Status);
        Assert.Null(stored.PostedAt);
        Assert.Null(stored.CompanionText);
    }

    [Fact]
    public async Task Without_an_erasure_the_wrapped_job_stores_and_posts_the_letter()
    {
        // The same set-up with no erasure: the assertions above are about the race, not the wrapping.
        await using var services = await StartAsync();
        var parent = await Scenario.ParentAsync(services);
        var invitation = await WfiScenario.InviteAsync(services, parent);

        await services.Get<WfiLetterJobs>().ProcessAsync(new WfiLetterJob(WfiScenario.Lambeth, invitation.Id), CancellationToken.None);

        Assert.Equal(1, services.Get<HookedDispatcher>().HandedOver);
        Assert.NotEmpty(await LetterBlobsAsync(services, invitation.Reference));
        Assert.Equal(WfiInvitationStatuses.Posted, (await WfiScenario.GetAsync(services, invitation.Id)).Status);
    }

    private static Task<PilotServices> StartAsync() => PilotServices.StartAsync(
        services =>
        {
            services.AddSingleton(sp => new HookedRenderer(ActivatorUtilities.CreateInstance<PdfLetterRenderer>(sp)));
            services.AddSingleton<ILetterRenderer>(sp => sp.GetRequiredService<HookedRenderer>());
            services.AddSingleton(sp => new HookedDispatcher(sp.GetRequiredService<PrintBatchLetterDispatcher>()));
            services.AddSingleton<ILetterDispatcher>(sp => sp.GetRequiredService<HookedDispatcher>());
        },
        WfiScenario.Settings());

    /// <summary>Every blob in the letters container that is a copy of this reference's letter.</summary>
    private static async Task<List<string>> LetterBlobsAsync(PilotServices services, string reference)
    {
        var container = await services.Get<LetterStore>().ContainerAsync();
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            if (blob.Name.Contains(reference, StringComparison.Ordinal))
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }

    /// <summary>The real renderer, then <see cref="AfterRender"/>: the moment just before the job stores the PDF.</summary>
    public sealed class HookedRenderer(ILetterRenderer inner) : ILetterRenderer
    {
        public Func<Task>? AfterRender { get; set; }

        public int Rendered { get; private set; }

        public byte[] Render(WfiLetter letter)
        {
            var pdf = inner.Render(letter);
            Rendered++;
            if (AfterRender is { } hook)
            {
                // Render is synchronous; the erasure runs to its end before the job goes on.
                Task.Run(hook).GetAwaiter().GetResult();
            }

            return pdf;
        }
    }

    /// <summary><see cref="BeforeHandOver"/> (which may throw, as a channel does), then the real print batch.</summary>
    public sealed class HookedDispatcher(ILetterDispatcher inner) : ILetterDispatcher
    {
        public Func<Task>? BeforeHandOver { get; set; }

        public int Tried { get; private set; }

        public int HandedOver { get; private set; }

        public async Task<LetterDispatch> DispatchAsync(string reference, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken)
        {
            Tried++;
            if (BeforeHandOver is { } hook)
            {
                await hook();
            }

            var dispatch = await inner.DispatchAsync(reference, pdf, cancellationToken);
            HandedOver++;
            return dispatch;
        }
    }
}
