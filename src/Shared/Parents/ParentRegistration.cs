using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pilot.Shared.Access;
using Pilot.Shared.Phones;
using Pilot.Shared.Postcodes;
using Pilot.Shared.Validation;
using Pilot.Shared.Vacancies.Alerts;

namespace Pilot.Shared.Parents;

/// <summary>Registers a parent: validates every field, stores the mobile as E.164 and the postcode's centroid.</summary>
public sealed class ParentRegistration(ParentStore parents, AlertProfileStore alertProfiles, TimeProvider time, ILogger<ParentRegistration> logger)
{
    /// <summary>Registers a parent to the calling office, which owns the record from then on.</summary>
    public Task<Outcome<ParentRegistered>> RegisterAsync(Caller office, RegisterParentRequest? request, CancellationToken ct)
        => RegisterAsync(office, request, NewId(), ct);

    /// <summary>With a known id: used by the demo seeder, whose parents keep fixed ids.</summary>
    internal async Task<Outcome<ParentRegistered>> RegisterAsync(Caller office, RegisterParentRequest? request, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(office);
        if (office.OfficeId is not { } officeId)
        {
            throw new InvalidOperationException($"Only an office registers parents, not {office.Principal}.");
        }

        if (request is null)
        {
            return Outcome<ParentRegistered>.Invalid("body", "a JSON object is required");
        }

        var errors = new List<FieldError>();
        // Offices paste from spreadsheets: every field a person typed is cleaned the one way first (PastedText).
        var firstName = TextField.Check(PastedText.Clean(request.FirstName), "firstName", 50, errors);
        var lastName = TextField.Check(PastedText.Clean(request.LastName), "lastName", 50, errors, required: false);

        string? mobile = null;
        if (string.IsNullOrWhiteSpace(request.Mobile))
        {
            errors.Add(new FieldError("mobile", "is required"));
        }
        else if (UkMobile.TryParse(request.Mobile, out var e164, out var mobileError))
        {
            mobile = e164;
        }
        else
        {
            errors.Add(new FieldError("mobile", mobileError ?? "must be a UK mobile number"));
        }

        var lines = new List<string>();
        PostcodeLocation? location = null;
        if (request.Address is null)
        {
            errors.Add(new FieldError("address", "is required"));
        }
        else
        {
            var given = request.Address.Lines ?? [];
            if (given.Count is < 1 or > 6)
            {
                errors.Add(new FieldError("address.lines", "must have 1 to 6 lines"));
            }

            for (var i = 0; i < given.Count && i < 6; i++)
            {
                if (TextField.Check(PastedText.Clean(given[i]), $"address.lines[{i}]", 100, errors) is { } line)
                {
                    lines.Add(line);
                }
            }

            if (string.IsNullOrWhiteSpace(request.Address.Postcode))
            {
                errors.Add(new FieldError("address.postcode", "is required"));
            }
            else if (!PostcodeDirectory.Default.TryResolve(PastedText.Clean(request.Address.Postcode), out location, out var postcodeError))
            {
                errors.Add(new FieldError("address.postcode", postcodeError ?? "is not a known UK postcode"));
            }
        }

        var language = PreferredLanguage.Check(request.PreferredLanguage, errors) ?? "en";

        if (request.Consents?.Reminders is not bool remindersConsent)
        {
            errors.Add(new FieldError("consents.reminders", "is required: true or false"));
            remindersConsent = false;
        }

        var (jobSearch, alertsOptIn) = JobSearchValidation.Check(request, errors);

        if (errors.Count > 0 || firstName is null || mobile is null || location is null)
        {
            return Outcome<ParentRegistered>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var parent = new ParentEntity
        {
            PartitionKey = id,
            RowKey = ParentEntity.ProfileRowFor(id),
            OfficeId = officeId,
            FirstName = firstName,
            LastName = lastName,
            Mobile = mobile,
            AddressLines = JsonSerializer.Serialize(lines),
            Postcode = location.Postcode,
            Latitude = location.Point.Latitude,
            Longitude = location.Point.Longitude,
            PreferredLanguage = language,
            RemindersConsent = remindersConsent,
            CreatedAt = now,
            JobSearch = jobSearch is null ? null : JsonSerializer.Serialize(jobSearch, JsonDefaults.Web),
            AlertsOptIn = alertsOptIn,
        };
        var consent = new ConsentChangeEntity
        {
            PartitionKey = parent.PartitionKey,
            RowKey = ConsentChangeEntity.RowFor(now, "reminders"),
            Consent = "reminders",
            Given = remindersConsent,
            Channel = "registration",
            ChangedAt = now,
        };
        var consents = new List<ConsentChangeEntity> { consent };
        if (request.Alerts is not null)
        {
            consents.Add(new ConsentChangeEntity
            {
                PartitionKey = parent.PartitionKey,
                RowKey = ConsentChangeEntity.RowFor(now, ParentConsents.VacancyAlerts),
                Consent = ParentConsents.VacancyAlerts,
                Given = alertsOptIn,
                Channel = "registration",
                ChangedAt = now,
            });
        }

        await parents.AddAsync(parent, consents, ct);

        // After the parent: a crash between the two leaves an opted-in parent without alerts, never an
        // alert profile without its parent.
        if (alertsOptIn && jobSearch is not null)
        {
            await alertProfiles.UpsertAsync(parent, jobSearch, ct);
        }

        logger.LogInformation("Registered parent {ParentId} (mobile {Mobile}, reminders consent {Consent})", parent.Id, PhoneMask.Mask(mobile), remindersConsent);
        return Outcome<ParentRegistered>.Ok(new ParentRegistered(parent.Id));
    }

    /// <summary>
    /// A parent already registered as this request would register them: the same mobile, names, postcode and address
    /// lines (names and lines trimmed, any case). Null when there is none or the request does not read as a parent. A
    /// shared family phone is no match on its own: the names must agree too.
    /// </summary>
    public async Task<ParentEntity?> FindSameAsync(Caller office, RegisterParentRequest? request, CancellationToken ct)
    {
        if (request?.Address is not { } address || !UkMobile.TryParse(request.Mobile, out var mobile, out _)
            || !PostcodeDirectory.Default.TryResolve(PastedText.Clean(address.Postcode), out var location, out _) || location is null)
        {
            return null;
        }

        var lines = (address.Lines ?? []).Select(l => PastedText.Clean(l) ?? "").ToList();
        ArgumentNullException.ThrowIfNull(office);
        foreach (var parent in (await parents.FindByMobileAsync(mobile, ct)).Where(p => office.CanChange(p.OfficeId)))
        {
            var stored = JsonSerializer.Deserialize<List<string>>(parent.AddressLines) ?? [];
            if (Same(parent.FirstName, request.FirstName) && Same(parent.LastName, request.LastName)
                && parent.Postcode == location.Postcode && stored.Count == lines.Count && stored.Zip(lines).All(p => Same(p.First, p.Second)))
            {
                return parent;
            }
        }

        return null;

        static bool Same(string? a, string? b) => string.Equals(PastedText.Clean(a) ?? "", PastedText.Clean(b) ?? "", StringComparison.OrdinalIgnoreCase);
    }

    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
