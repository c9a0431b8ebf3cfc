using Microsoft.Extensions.Logging;
using Pilot.Shared.Access;
using Pilot.Shared.Parents;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Validation;
using Pilot.Shared.Venues;
using Pilot.Shared.WfiInvitations.Choosing;
using Pilot.Shared.WfiInvitations.Letters;

namespace Pilot.Shared.WfiInvitations;

/// <summary>
/// What a Jobcentre office does with invitations: send one (validated, stored, its letter job queued),
/// read, cancel, record a choice given by phone, record attendance. Every call is scoped to the office
/// of the caller's key; another office's invitation is "not found", never "forbidden".
/// </summary>
public sealed class WfiInvitationDesk(
    WfiInvitationStore store,
    ParentStore parents,
    VenueStore venues,
    WfiLetterJobWriter letterQueue,
    WfiChoices choices,
    TimeProvider time,
    ILogger<WfiInvitationDesk> logger)
{
    private const int MaxReferenceAttempts = 10;

    public Task<Outcome<WfiInvitationAccepted>> CreateAsync(Caller caller, CreateWfiInvitationRequest? request, string through, CancellationToken ct)
        => CreateAsync(caller, request, through, ParentRegistration.NewId(), ct);

    /// <summary>With a known id: used by the demo seeder, whose invitation keeps a fixed id.</summary>
    internal async Task<Outcome<WfiInvitationAccepted>> CreateAsync(Caller caller, CreateWfiInvitationRequest? request, string through, string id, CancellationToken ct)
    {
        var checkedDraft = await CheckAsync(caller, request, ct);
        if (!checkedDraft.IsOk)
        {
            return Outcome<WfiInvitationAccepted>.Invalid(checkedDraft.Errors);
        }

        var draft = checkedDraft.Value!;
        var now = time.GetUtcNow();
        var same = WfiInvitationStore.SameInvitationKey(draft.Office.Id, draft.Parent.Id, draft.Jobcentre.Id, draft.JobcentreStartsAt, draft.Centre.Id, draft.CentreStartsAt);
        var (claimedId, refused) = await ClaimSameAsync(same, draft.Office.Id, id, ct);
        if (refused is not null)
        {
            return refused;
        }

        id = claimedId!;
        var invitation = ToEntity(draft, id, now, through);
        invitation.Reference = await ClaimReferenceAsync(invitation, ct);
        if (!await store.TryAddAsync(invitation, ct))
        {
            var made = await store.GetAsync(draft.Office.Id, id, ct) ?? throw new InvalidOperationException($"Invitation {id} exists and cannot be read.");

            // The reference is claimed by this request alone, so a row carrying it is this request's own insert, applied
            // by storage whose answer was lost (the SDK's retry then met 409): carry on and queue its letter. Otherwise
            // the same request, sent twice at once, adopted the same abandoned claim and made it first.
            if (made.Reference != invitation.Reference)
            {
                return AlreadyInvited(made);
            }
        }

        await letterQueue.EnqueueAsync(new WfiLetterJob(invitation.OfficeId, invitation.Id), ct);
        logger.LogInformation("WFI invitation {InvitationId} ({Reference}) requested by office {OfficeId} for parent {ParentId}", invitation.Id, invitation.Reference, draft.Office.Id, draft.Parent.Id);
        return Outcome<WfiInvitationAccepted>.Ok(new WfiInvitationAccepted(invitation.Id, invitation.Reference));
    }

    /// <summary>
    /// Every check <see cref="CreateAsync(Caller, CreateWfiInvitationRequest?, string, CancellationToken)"/> makes before
    /// it stores anything, with the defaults filled in (the office itself, the nearest pilot centre): what the console
    /// previews the letter from. Nothing is claimed or stored.
    /// </summary>
    public async Task<Outcome<WfiInvitationDraft>> CheckAsync(Caller caller, CreateWfiInvitationRequest? request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (request is null)
        {
            return Outcome<WfiInvitationDraft>.Invalid("body", "a JSON object is required");
        }

        var now = time.GetUtcNow();
        var errors = new List<FieldError>();
        var all = await venues.AllAsync(ct);
        var office = CheckOffice(caller, request.JobcentreOfficeId, all, errors);
        var parentId = TextField.Check(request.ParentId, "parentId", 64, errors);
        var parent = parentId is null ? null : await parents.GetAsync(parentId, ct);
        if (parent is not null && office is not null && parent.OfficeId != office.Id)
        {
            parent = null; // Another office's parent: as if there were none.
        }

        if (parentId is not null && parent is null)
        {
            errors.Add(new FieldError("parentId", "no parent of your office has this id"));
        }
        else if (parent is not null && WfiLetterComposer.AddressOf(parent) is { IsOk: false } address)
        {
            // Refused now rather than failing in the letter job: the office can correct the address first.
            errors.Add(new FieldError("parentId", "the parent's address cannot be printed on a letter: " + string.Join("; ", address.Errors.Select(e => $"{e.Field} {e.Message}"))));
        }

        DateOnly? respondBy = null;
        if (string.IsNullOrWhiteSpace(request.RespondBy))
        {
            errors.Add(new FieldError("respondBy", "is required"));
        }
        else if (!RespondByDate.TryParse(request.RespondBy, out var date))
        {
            errors.Add(new FieldError("respondBy", "must be a date, yyyy-MM-dd"));
        }
        else if (!DateBounds.Near(now).Contains(date))
        {
            errors.Add(DateBounds.Near(now).Refusal("respondBy"));
        }
        else if (date < RespondByDate.LondonDate(now))
        {
            errors.Add(new FieldError("respondBy", "must be today or later"));
        }
        else
        {
            respondBy = date;
        }

        if (request.Options is null)
        {
            errors.Add(new FieldError("options", "is required: a jobcentre and a centre option"));
        }

        var answersClose = respondBy is { } d ? RespondByDate.EndOf(d) : (DateTimeOffset?)null;
        var jobcentreStarts = CheckStartsAt(request.Options?.Jobcentre, "options.jobcentre", now, answersClose, errors, request.Options is not null);
        var centreStarts = CheckStartsAt(request.Options?.Centre, "options.centre", now, answersClose, errors, request.Options is not null);
        var jobcentreVenue = CheckVenue(request.Options?.Jobcentre?.VenueId, "options.jobcentre.venueId", VenueKinds.Jobcentre, all, errors);
        if (jobcentreVenue is null && request.Options?.Jobcentre?.VenueId is null && office is not null)
        {
            // The office itself by default: a retired office offers no new interviews.
            jobcentreVenue = office.Retired ? null : office;
            if (office.Retired)
            {
                errors.Add(new FieldError("jobcentreOfficeId", $"{office.Name} is retired (closed): offer another office as options.jobcentre.venueId"));
            }
        }

        var centreVenue = CheckVenue(request.Options?.Centre?.VenueId, "options.centre.venueId", VenueKinds.Centre, all, errors);
        if (centreVenue is null && request.Options?.Centre?.VenueId is null && parent is not null)
        {
            centreVenue = NearestCentre.To(new GeoPoint(parent.Latitude, parent.Longitude), all.Values, PostcodeDirectory.Default);
            if (centreVenue is null)
            {
                errors.Add(new FieldError("options.centre.venueId", "no pilot centre could be placed near the parent; give a venueId"));
            }
        }

        CheckOpen(jobcentreVenue, jobcentreStarts, "options.jobcentre.startsAt", errors);
        CheckOpen(centreVenue, centreStarts, "options.centre.startsAt", errors);

        if (errors.Count > 0 || office is null || parent is null || respondBy is null || jobcentreStarts is null || centreStarts is null || jobcentreVenue is null || centreVenue is null)
        {
            return Outcome<WfiInvitationDraft>.Invalid(errors);
        }

        return Outcome<WfiInvitationDraft>.Ok(new WfiInvitationDraft(office, parent, jobcentreVenue, jobcentreStarts.Value, centreVenue, centreStarts.Value, respondBy.Value));
    }

    /// <summary>The invitation a checked draft becomes (its reference still to be claimed).</summary>
    public static WfiInvitationEntity ToEntity(WfiInvitationDraft draft, string id, DateTimeOffset now, string through)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new WfiInvitationEntity
        {
            PartitionKey = draft.Office.Id,
            RowKey = id,
            ParentId = draft.Parent.Id,
            JobcentreVenueId = draft.Jobcentre.Id,
            JobcentreStartsAt = draft.JobcentreStartsAt,
            CentreVenueId = draft.Centre.Id,
            CentreStartsAt = draft.CentreStartsAt,
            RespondBy = RespondByDate.Text(draft.RespondBy),
            RequestedAt = now,
            RequestedThrough = through,
        };
    }

    public async Task<Outcome<WfiInvitationView>> GetAsync(Caller caller, string id, CancellationToken ct)
    {
        var invitation = await FindAsync(caller, id, ct);
        return invitation is null ? NotFound(id) : Outcome<WfiInvitationView>.Ok(WfiInvitationView.From(invitation));
    }

    /// <summary>Cancels an invitation not yet answered for good: its letter job stops, any booking is cancelled. Repeating it changes nothing.</summary>
    public async Task<Outcome<WfiInvitationView>> CancelAsync(Caller caller, string id, CancellationToken ct)
    {
        var invitation = await FindToChangeAsync(caller, id, ct);
        return invitation is null ? NotFound(id) : await choices.CancelAsync(invitation, ct);
    }

    public async Task<Outcome<WfiInvitationView>> RecordPhoneChoiceAsync(Caller caller, string id, RecordWfiChoiceRequest? request, CancellationToken ct)
    {
        if (request is null || !WfiOptionKeys.IsValid(request.Option))
        {
            return Outcome<WfiInvitationView>.Invalid("option", "must be jobcentre or centre");
        }

        var invitation = await FindToChangeAsync(caller, id, ct);
        if (invitation is null)
        {
            return NotFound(id);
        }

        var result = await choices.ChooseAsync(invitation, request.Option!, WfiChoiceMethods.Phone, ct);
        return result.Kind switch
        {
            WfiChoiceResultKind.Booked or WfiChoiceResultKind.Unchanged => Outcome<WfiInvitationView>.Ok(WfiInvitationView.From(result.Invitation)),
            _ => Outcome<WfiInvitationView>.Conflict(result.Detail),
        };
    }

    public async Task<Outcome<WfiInvitationView>> RecordAttendanceAsync(Caller caller, string id, RecordWfiAttendanceRequest? request, CancellationToken ct)
    {
        if (request?.Attended is not bool attended)
        {
            return Outcome<WfiInvitationView>.Invalid("attended", "is required: true or false");
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var invitation = await FindToChangeAsync(caller, id, ct);
            if (invitation is null)
            {
                return NotFound(id);
            }

            if (invitation.AppointmentId is null || invitation.Status is not (WfiInvitationStatuses.Chosen or WfiInvitationStatuses.Defaulted))
            {
                return Outcome<WfiInvitationView>.Conflict("no interview is booked for this invitation");
            }

            invitation.Attended = attended;
            if (await store.TryReplaceAsync(invitation, ct))
            {
                return Outcome<WfiInvitationView>.Ok(WfiInvitationView.From(invitation));
            }
        }

        return Outcome<WfiInvitationView>.Conflict("the invitation is being changed; try again");
    }

    /// <summary>The office's own invitation to change; null for anyone but an office.</summary>
    private async Task<WfiInvitationEntity?> FindToChangeAsync(Caller caller, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.OfficeId is { } officeId ? await store.GetAsync(officeId, id, ct) : null;
    }

    /// <summary>An office reads its own invitations; central reads every office's.</summary>
    private async Task<WfiInvitationEntity?> FindAsync(Caller caller, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role != Role.Central)
        {
            return await FindToChangeAsync(caller, id, ct);
        }

        // The administrator is not tied to an office: the parent index is not keyed by id, so look in each office.
        foreach (var office in (await venues.AllAsync(ct)).Values.Where(v => v.Kind == VenueKinds.Jobcentre))
        {
            if (await store.GetAsync(office.Id, id, ct) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static Outcome<WfiInvitationView> NotFound(string id) => Outcome<WfiInvitationView>.NotFound($"no invitation of your office has id {id}");

    /// <summary>
    /// Claims "this office invites this parent to these two appointments" for a new invitation. A request or a bulk
    /// file sent twice is refused (409 naming parentId, with the invitation already made), so the parent is not posted
    /// two letters. A cancelled invitation gives its claim up to a new one. A claim whose invitation was never stored
    /// (its request died half way, or is still being made) is adopted: the invitation is made under that claim's id,
    /// so two copies racing make one invitation between them.
    /// </summary>
    /// <returns>The id to make the invitation under, or the refusal.</returns>
    private async Task<(string? Id, Outcome<WfiInvitationAccepted>? Refused)> ClaimSameAsync(string key, string officeId, string id, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxReferenceAttempts; attempt++)
        {
            var held = await store.ClaimSameAsync(key, id, ct);
            if (held.InvitationId is not { } heldId)
            {
                continue; // The claim vanished between the two reads: make it again.
            }

            if (heldId == id)
            {
                return (id, null);
            }

            var existing = await store.GetAsync(officeId, heldId, ct);
            if (existing is null)
            {
                return (heldId, null);
            }

            if (existing.Status != WfiInvitationStatuses.Cancelled)
            {
                await RequeueUnpostedLetterAsync(existing, ct);
                return (null, AlreadyInvited(existing));
            }

            if (await store.TryTakeOverSameAsync(key, held, id, ct))
            {
                return (id, null);
            }
        }

        throw new InvalidOperationException($"The claim of invitation {id} kept changing.");
    }

    /// <summary>
    /// A repeat of a request whose invitation was written but whose letter job may never have been queued (storage failed
    /// between the two, and the caller was answered 503): queue it again. A letter job for a letter already on its way
    /// changes nothing, so this is safe to repeat.
    /// </summary>
    private async Task RequeueUnpostedLetterAsync(WfiInvitationEntity existing, CancellationToken ct)
    {
        if (existing.Status is WfiInvitationStatuses.Requested or WfiInvitationStatuses.LetterReady)
        {
            await letterQueue.EnqueueAsync(new WfiLetterJob(existing.OfficeId, existing.Id), ct);
        }
    }

    private static Outcome<WfiInvitationAccepted> AlreadyInvited(WfiInvitationEntity existing)
        => Outcome<WfiInvitationAccepted>.Conflict([new FieldError("parentId", $"this office has already invited this parent to these two appointments: invitation {existing.Id}, reference {existing.Reference}")]) with
        {
            Extensions = new Dictionary<string, string> { ["invitationId"] = existing.Id, ["reference"] = existing.Reference },
        };

    private async Task<string> ClaimReferenceAsync(WfiInvitationEntity invitation, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxReferenceAttempts; attempt++)
        {
            var reference = WfiReference.New();
            if (await store.TryClaimReferenceAsync(reference, invitation.OfficeId, invitation.Id, ct))
            {
                return reference;
            }
        }

        throw new InvalidOperationException($"No free WFI reference after {MaxReferenceAttempts} attempts.");
    }

    private static Venue? CheckOffice(Caller caller, string? given, IReadOnlyDictionary<string, Venue> all, List<FieldError> errors)
    {
        var officeId = caller.OfficeId ?? throw new InvalidOperationException($"Only an office sends invitations, not {caller.Principal}.");
        if (!string.IsNullOrWhiteSpace(given) && !string.Equals(given.Trim(), officeId, StringComparison.Ordinal))
        {
            errors.Add(new FieldError("jobcentreOfficeId", "must be your own office (the one your key belongs to)"));
            return null;
        }

        if (all.GetValueOrDefault(officeId) is { Kind: VenueKinds.Jobcentre } office)
        {
            return office;
        }

        errors.Add(new FieldError("jobcentreOfficeId", "is not a Jobcentre Plus office (see GET /api/venues)"));
        return null;
    }

    private static Venue? CheckVenue(string? venueId, string field, string kind, IReadOnlyDictionary<string, Venue> all, List<FieldError> errors)
    {
        if (venueId is null)
        {
            return null;
        }

        if (all.GetValueOrDefault(venueId.Trim()) is { } venue && venue.Kind == kind)
        {
            if (venue.Retired)
            {
                errors.Add(new FieldError(field, $"{venue.Name} is retired (closed): choose another venue"));
                return null;
            }

            return venue;
        }

        errors.Add(new FieldError(field, kind == VenueKinds.Centre ? "is not a children's centre (see GET /api/venues)" : "is not a Jobcentre Plus office (see GET /api/venues)"));
        return null;
    }

    /// <summary>An option's time must be when its venue is open, and not on a bank holiday (<see cref="VenueHours"/>).</summary>
    private static void CheckOpen(Venue? venue, DateTimeOffset? startsAt, string field, List<FieldError> errors)
    {
        if (venue is not null && startsAt is { } at && VenueHours.Refusal(venue, at) is { } closed)
        {
            errors.Add(new FieldError(field, closed));
        }
    }

    private static DateTimeOffset? CheckStartsAt(WfiOptionRequest? option, string field, DateTimeOffset now, DateTimeOffset? answersClose, List<FieldError> errors, bool report)
    {
        if (option is null)
        {
            if (report)
            {
                errors.Add(new FieldError(field, "is required"));
            }

            return null;
        }

        if (string.IsNullOrWhiteSpace(option.StartsAt))
        {
            errors.Add(new FieldError(field + ".startsAt", "is required"));
            return null;
        }

        if (!Iso8601.TryParseWithOffset(option.StartsAt, out var startsAt))
        {
            errors.Add(new FieldError(field + ".startsAt", "must be an ISO 8601 date and time with an offset, e.g. 2026-03-17T10:30:00+00:00"));
            return null;
        }

        if (!DateBounds.Near(now).Contains(startsAt))
        {
            errors.Add(DateBounds.Near(now).Refusal(field + ".startsAt"));
            return null;
        }

        if (startsAt > now.AddYears(1))
        {
            errors.Add(new FieldError(field + ".startsAt", "must be within a year"));
            return null;
        }

        // Either option may be booked up to the end of the reply date (the default books the Jobcentre then).
        if (answersClose is { } close && startsAt <= close)
        {
            errors.Add(new FieldError(field + ".startsAt", "must be after the end of respondBy"));
            return null;
        }

        if (startsAt <= now)
        {
            errors.Add(new FieldError(field + ".startsAt", "must be in the future"));
            return null;
        }

        return startsAt.ToUniversalTime();
    }
}
