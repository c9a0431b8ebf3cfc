using Azure;
using Microsoft.Extensions.Options;
using Pilot.Shared.Access;
using Pilot.Shared.Letters;
using Pilot.Shared.Letters.Dispatch;
using Pilot.Shared.Validation;
using Pilot.Shared.WfiInvitations.Letters;

namespace Pilot.Shared.WfiInvitations.Console;

/// <summary>
/// The letter PDFs the console shows: the one an invitation was posted with (from Blob storage, behind the same fence
/// as the invitation), and, before sending, a preview laid out by the same composer and renderer the letter job uses.
/// </summary>
public sealed class InvitationLetters(
    WfiInvitationDesk desk,
    LetterStore letters,
    ILetterRenderer renderer,
    IOptions<WfiOptions> options,
    TimeProvider time)
{
    /// <summary>Printed where the reference goes on a preview: the real one is claimed only when the invitation is sent.</summary>
    public const string PreviewReference = "WFI-PREVIEW";

    /// <summary>The letter this request would post, checked exactly as sending it is; nothing is stored.</summary>
    public async Task<Outcome<byte[]>> PreviewAsync(Caller caller, CreateWfiInvitationRequest request, CancellationToken ct)
    {
        var draft = await desk.CheckAsync(caller, request, ct);
        if (!draft.IsOk)
        {
            return Outcome<byte[]>.Invalid(draft.Errors);
        }

        var d = draft.Value!;
        var now = time.GetUtcNow();
        var invitation = WfiInvitationDesk.ToEntity(d, "preview", now, "console");
        invitation.Reference = PreviewReference;
        var letter = WfiLetterComposer.Compose(invitation, d.Parent, d.Office, d.Jobcentre, d.Centre, options.Value, options.Value.TokenKey(), RespondByDate.LondonDate(now));
        return letter.IsOk ? Outcome<byte[]>.Ok(renderer.Render(letter.Value!)) : Outcome<byte[]>.Invalid(letter.Errors);
    }

    /// <summary>The invitation's letter as posted (or as rendered, while it waits to be posted); not found before it is made.</summary>
    public async Task<Outcome<(string Reference, byte[] Pdf)>> ForInvitationAsync(Caller caller, string id, CancellationToken ct)
    {
        var found = await desk.GetAsync(caller, id, ct);
        if (!found.IsOk)
        {
            return Outcome<(string, byte[])>.NotFound(found.Detail ?? "no such invitation");
        }

        var reference = found.Value!.Reference;
        var pdf = LetterReference.IsValid(reference) ? await letters.ReadAsync(reference, ct) ?? await RenderedAsync(reference, ct) : null;
        return pdf is null
            ? Outcome<(string, byte[])>.NotFound($"The letter for {reference} is not made yet: it is made within a minute of the request, and removed when the parent's records are erased.")
            : Outcome<(string, byte[])>.Ok((reference, pdf));
    }

    private async Task<byte[]?> RenderedAsync(string reference, CancellationToken ct)
    {
        try
        {
            var content = await (await letters.ContainerAsync()).GetBlobClient(WfiLetterJobs.RenderedBlobName(reference)).DownloadContentAsync(ct);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
