using System.Globalization;
using Pilot.Shared.Access;
using Pilot.Shared.Parents;
using Pilot.Shared.Phones;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Validation;
using Pilot.Shared.Venues;

namespace Pilot.Shared.WfiInvitations.Console;

/// <summary>
/// The console's new invitation (<c>/api/office/invitations/new</c>), in three steps: the parent (found by their mobile
/// number among the office's parents, or registered by <see cref="ParentRegistration"/> as <c>POST /api/parents</c>
/// does), the two appointments (the centre preset to the nearest pilot centre, as the API defaults it), then the letter
/// to check before sending. Every check is <see cref="WfiInvitationDesk"/>'s; this class only turns form fields into
/// its requests and its field names back into the form's.
/// </summary>
public sealed class NewInvitationPage(WfiInvitationDesk desk, ParentRegistration registration, ParentStore parents, VenueStore venues, TimeProvider time)
{
    public const string StepParent = "parent";
    public const string StepAppointments = "appointments";
    public const string StepPreview = "preview";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The first step: find or register the parent.</summary>
    public static NewInvitationStep Start() => ParentStep(new NewInvitationForm(null, null, null, null, null, null, null, null, null, "yes", null, null, null, null, null, null, null), [], 200);

    public async Task<NewInvitationStep> PostAsync(Caller caller, NewInvitationForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(form);
        return form.Action switch
        {
            NewInvitationForm.Find => await FindAsync(caller, form, ct),
            NewInvitationForm.Register => await RegisterAsync(caller, form, ct),
            NewInvitationForm.Preview => await PreviewAsync(caller, form, ct),
            NewInvitationForm.Edit => await AppointmentsStepAsync(caller, form, [], 200, ct),
            NewInvitationForm.Send => await SendAsync(caller, form, ct),
            _ => ParentStep(form, [new FieldError("mobile", "Find the parent by their mobile number, or register them")], 400),
        };
    }

    /// <summary>What <c>POST /api/wfi-invitations</c> would be sent for these fields, or what is wrong with the dates and times.</summary>
    public static (CreateWfiInvitationRequest? Request, IReadOnlyList<FieldError> Errors) ToRequest(NewInvitationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FieldError>();
        var jobcentre = Instant(form.JobcentreDate, form.JobcentreTime, "jobcentreDate", "The Jobcentre appointment", errors);
        var centre = Instant(form.CentreDate, form.CentreTime, "centreDate", "The children's centre appointment", errors);
        if (string.IsNullOrWhiteSpace(form.RespondBy))
        {
            errors.Add(new FieldError("respondBy", "Enter the date the parent should reply by"));
        }

        if (string.IsNullOrWhiteSpace(form.ParentId))
        {
            errors.Add(new FieldError("parentId", "Select the parent"));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new CreateWfiInvitationRequest(form.ParentId, null, new WfiOptionsRequest(new WfiOptionRequest(jobcentre, null), new WfiOptionRequest(centre, Blank(form.CentreVenueId))), form.RespondBy), errors);
    }

    /// <summary>The letter preview's address: the request's fields in the query (ids and times, nothing personal).</summary>
    public static string PreviewHref(CreateWfiInvitationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return "/api/office/invitations/new/letter?" + string.Join('&', new[]
        {
            ("parentId", request.ParentId),
            ("jobcentreStartsAt", request.Options?.Jobcentre?.StartsAt),
            ("centreVenueId", request.Options?.Centre?.VenueId),
            ("centreStartsAt", request.Options?.Centre?.StartsAt),
            ("respondBy", request.RespondBy),
        }.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }

    /// <summary>The desk's field names and wording, as the form's fields and GOV.UK error messages.</summary>
    public static FieldError ToFormError(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var (field, label) = error.Field switch
        {
            "parentId" => ("parentId", "The parent"),
            "respondBy" => ("respondBy", "The reply date"),
            "options.centre.venueId" => ("centreVenueId", "The centre chosen"),
            var f when f.StartsWith("options.centre", StringComparison.Ordinal) => ("centreDate", "The children's centre appointment"),
            var f when f.StartsWith("firstName", StringComparison.Ordinal) => ("firstName", "First name"),
            var f when f.StartsWith("lastName", StringComparison.Ordinal) => ("lastName", "Last name"),
            "mobile" => ("newMobile", "Mobile number"),
            "address" or "address.lines" => ("addressLine1", "Address line 1"),
            var f when f.StartsWith("address.lines[", StringComparison.Ordinal) && int.TryParse(f[14..^1], CultureInfo.InvariantCulture, out var i)
                => ($"addressLine{Math.Min(i + 1, 3)}", $"Address line {i + 1}"),
            "address.postcode" => ("postcode", "Postcode"),
            var f when f.StartsWith("consents", StringComparison.Ordinal) => ("reminders", "Reminders"),
            _ => ("jobcentreDate", "The Jobcentre appointment"),
        };
        var message = error.Message.Replace("respondBy", "the reply date", StringComparison.Ordinal);
        var sentence = message.StartsWith("must", StringComparison.Ordinal) || message.StartsWith("is ", StringComparison.Ordinal)
            ? $"{label} {message}"
            : char.ToUpperInvariant(message[0]) + message[1..];
        return new FieldError(field, sentence);
    }

    private async Task<NewInvitationStep> FindAsync(Caller caller, NewInvitationForm form, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(form.Mobile))
        {
            return ParentStep(form, [new FieldError("mobile", "Enter the parent's mobile number")], 400);
        }

        if (!UkMobile.TryParse(form.Mobile, out var e164, out _))
        {
            return ParentStep(form, [new FieldError("mobile", "Enter a UK mobile number, like 07700 900123")], 400);
        }

        var found = (await parents.FindByMobileAsync(e164, ct)).Where(p => p.OfficeId == caller.OfficeId).ToList();
        return found.Count == 0
            ? ParentStep(form, [new FieldError("mobile", "No parent of your office has this mobile number: check it, or register the parent")], 400)
            : await AppointmentsStepAsync(caller, form with { ParentId = found.Count == 1 ? found[0].Id : null }, [], 200, ct, found);
    }

    private async Task<NewInvitationStep> RegisterAsync(Caller caller, NewInvitationForm form, CancellationToken ct)
    {
        var lines = new[] { form.AddressLine1, form.AddressLine2, form.AddressLine3 }.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var request = new RegisterParentRequest(form.FirstName, form.NewMobile, new AddressRequest(lines, form.Postcode), "en", new ConsentsRequest(form.Reminders == "yes")) { LastName = Blank(form.LastName) };
        var registered = await registration.RegisterAsync(caller, request, ct);
        return registered.IsOk
            ? await AppointmentsStepAsync(caller, form with { ParentId = registered.Value!.Id }, [], 200, ct)
            : ParentStep(form, Distinct(registered.Errors.Select(ToFormError)), 400);
    }

    private async Task<NewInvitationStep> PreviewAsync(Caller caller, NewInvitationForm form, CancellationToken ct)
    {
        var (request, errors) = ToRequest(form);
        if (request is null)
        {
            return await AppointmentsStepAsync(caller, form, errors, 400, ct);
        }

        var draft = await desk.CheckAsync(caller, request, ct);
        if (!draft.IsOk)
        {
            return await AppointmentsStepAsync(caller, form, Distinct(draft.Errors.Select(ToFormError)), 400, ct);
        }

        var d = draft.Value!;
        var model = Fields(form with { CentreVenueId = d.Centre.Id });
        model["step"] = StepPreview;
        model["parent_name"] = d.Parent.FullName;
        model["jobcentre_name"] = d.Jobcentre.Name;
        model["jobcentre_when"] = When(d.JobcentreStartsAt);
        model["centre_name"] = d.Centre.Name;
        model["centre_when"] = When(d.CentreStartsAt);
        model["respond_by_text"] = d.RespondBy.ToString("d MMMM yyyy", English);
        model["letter_href"] = PreviewHref(request with { Options = request.Options! with { Centre = request.Options.Centre! with { VenueId = d.Centre.Id } } });
        return new NewInvitationStep(200, model, []);
    }

    private async Task<NewInvitationStep> SendAsync(Caller caller, NewInvitationForm form, CancellationToken ct)
    {
        var (request, errors) = ToRequest(form);
        if (request is null)
        {
            return await AppointmentsStepAsync(caller, form, errors, 400, ct);
        }

        var sent = await desk.CreateAsync(caller, request, "console", ct);
        return sent.Kind switch
        {
            OutcomeKind.Ok => new NewInvitationStep(303, new Dictionary<string, object?>(), [], sent.Value!.Id),
            OutcomeKind.Conflict => await AppointmentsStepAsync(caller, form, Distinct(sent.Errors.Select(ToFormError)), 409, ct),
            _ => await AppointmentsStepAsync(caller, form, Distinct(sent.Errors.Select(ToFormError)), 400, ct),
        };
    }

    private async Task<NewInvitationStep> AppointmentsStepAsync(Caller caller, NewInvitationForm form, IReadOnlyList<FieldError> errors, int status, CancellationToken ct, IReadOnlyList<ParentEntity>? choices = null)
    {
        var parent = form.ParentId is { Length: > 0 } id ? await parents.GetAsync(id, ct) : null;
        if (parent is not null && parent.OfficeId != caller.OfficeId)
        {
            parent = null;
        }

        if (parent is null && choices is null)
        {
            return ParentStep(form with { ParentId = null }, [new FieldError("mobile", "Find the parent by their mobile number, or register them")], 400);
        }

        var all = await venues.AllAsync(ct);
        var nearest = parent is null ? null : NearestCentre.To(new GeoPoint(parent.Latitude, parent.Longitude), all.Values, PostcodeDirectory.Default);
        var today = RespondByDate.LondonDate(time.GetUtcNow());
        var respondBy = today.AddDays(14);
        var interview = NextWeekday(respondBy.AddDays(7));
        var filled = form with
        {
            CentreVenueId = Blank(form.CentreVenueId) ?? nearest?.Id,
            RespondBy = form.RespondBy ?? RespondByDate.Text(respondBy),
            JobcentreDate = form.JobcentreDate ?? RespondByDate.Text(interview),
            JobcentreTime = form.JobcentreTime ?? "10:00",
            CentreDate = form.CentreDate ?? RespondByDate.Text(interview),
            CentreTime = form.CentreTime ?? "10:30",
        };
        var model = Fields(filled);
        model["step"] = StepAppointments;
        model["parent_name"] = parent?.FullName;
        model["parent_choices"] = (choices ?? []).Select(p => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = p.Id, ["name"] = p.FullName, ["postcode"] = p.Postcode }).ToList();
        model["jobcentre_name"] = caller.OfficeId is { } office ? all.GetValueOrDefault(office)?.Name : null;
        model["nearest_id"] = nearest?.Id;
        model["centres"] = all.Values
            .Where(v => v.Kind == VenueKinds.Centre && !v.Retired)
            .OrderBy(v => v.LocalAuthority, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal)
            .Select(v => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["id"] = v.Id,
                ["text"] = v.Id == nearest?.Id ? $"{v.Name}, {v.LocalAuthority} (nearest)" : $"{v.Name}, {v.LocalAuthority}",
                ["selected"] = v.Id == filled.CentreVenueId,
            }).ToList();
        AddErrors(model, errors);
        return new NewInvitationStep(status, model, errors);
    }

    private static NewInvitationStep ParentStep(NewInvitationForm form, IReadOnlyList<FieldError> errors, int status)
    {
        var model = Fields(form);
        model["step"] = StepParent;
        AddErrors(model, errors);
        return new NewInvitationStep(status, model, errors);
    }

    private static Dictionary<string, object?> Fields(NewInvitationForm form)
    {
        var values = Values(form);
        values["values"] = Values(form);
        values["errors_by_field"] = new Dictionary<string, object?>(StringComparer.Ordinal);
        values["hidden"] = new (string Name, string? Value)[]
        {
            ("parentId", form.ParentId),
            ("jobcentreDate", form.JobcentreDate),
            ("jobcentreTime", form.JobcentreTime),
            ("centreVenueId", form.CentreVenueId),
            ("centreDate", form.CentreDate),
            ("centreTime", form.CentreTime),
            ("respondBy", form.RespondBy),
        }.Select(p => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = p.Name, ["value"] = p.Value ?? "" }).ToList();
        return values;
    }

    private static Dictionary<string, object?> Values(NewInvitationForm form) => new(StringComparer.Ordinal)
    {
        ["mobile"] = form.Mobile,
        ["first_name"] = form.FirstName,
        ["last_name"] = form.LastName,
        ["new_mobile"] = form.NewMobile,
        ["address_line1"] = form.AddressLine1,
        ["address_line2"] = form.AddressLine2,
        ["address_line3"] = form.AddressLine3,
        ["postcode"] = form.Postcode,
        ["reminders"] = form.Reminders == "yes",
        ["parent_id"] = form.ParentId,
        ["jobcentre_date"] = form.JobcentreDate,
        ["jobcentre_time"] = form.JobcentreTime,
        ["centre_venue_id"] = form.CentreVenueId,
        ["centre_date"] = form.CentreDate,
        ["centre_time"] = form.CentreTime,
        ["respond_by"] = form.RespondBy,
    };

    private static void AddErrors(Dictionary<string, object?> model, IReadOnlyList<FieldError> errors)
    {
        var byField = (Dictionary<string, object?>)model["errors_by_field"]!;
        foreach (var error in errors)
        {
            model.TryAdd(error.Field + "_error", error.Message);
            byField.TryAdd(error.Field, error.Message);
        }
    }

    /// <summary>One message per field next to it (the summary lists them all).</summary>
    private static List<FieldError> Distinct(IEnumerable<FieldError> errors) => [.. errors.DistinctBy(e => (e.Field, e.Message))];

    /// <summary>A London date and time from the form's date and time fields, as the API takes it (ISO 8601 with the offset).</summary>
    private static string? Instant(string? date, string? time, string field, string label, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(date) || string.IsNullOrWhiteSpace(time))
        {
            errors.Add(new FieldError(field, $"Enter the date and time of {char.ToLowerInvariant(label[0])}{label[1..]}"));
            return null;
        }

        if (!DateOnly.TryParseExact(date.Trim(), RespondByDate.Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            || !TimeOnly.TryParseExact(time.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            || d.Year is < 2000 or > 2100)
        {
            errors.Add(new FieldError(field, $"{label} must be a real date and time, for example 2026-12-31 and 10:30"));
            return null;
        }

        return Time.LondonTime.FromLocal(d.ToDateTime(t)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private static DateOnly NextWeekday(DateOnly date)
        => date.DayOfWeek switch { DayOfWeek.Saturday => date.AddDays(2), DayOfWeek.Sunday => date.AddDays(1), _ => date };

    private static string When(DateTimeOffset at) => Time.LondonTime.ToLocal(at).ToString("dddd d MMMM yyyy, HH:mm", English);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
