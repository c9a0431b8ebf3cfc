using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pilot.Shared.Appointments;
using Pilot.Shared.Parents;
using Pilot.Shared.Sms.Limits;
using Pilot.Shared.Sms.Outbound.Policy;
using Pilot.Shared.Vacancies.Alerts;
using Pilot.Shared.Vacancies.Catalogue;
using Pilot.Shared.Venues;
using Pilot.Shared.WfiInvitations;

namespace Pilot.Shared.Sms.Outbound;

/// <summary>
/// Reads what <see cref="SendPolicy.Decide"/> needs about one text, and no more: a reminder's appointment, parent and
/// venue (venues come from the store's minute-long copy); an alert's parent and vacancies; a WFI notice's parent and
/// invitation; a parent's link their parent; an answer nothing (its number and body are on the row). Then the number's last hour.
/// </summary>
public sealed class SendFactsLoader(
    AppointmentStore appointments,
    ParentStore parents,
    VenueStore venues,
    VacancyStore vacancies,
    AlertLedger ledger,
    WfiInvitationStore invitations,
    HourlyTextCap cap,
    IOptions<SmsOptions> smsOptions)
{
    public async Task<(SendFacts Facts, CapRow? Cap)> LoadAsync(TextEntity text, DateTimeOffset now, bool neverAccepted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var facts = new SendFacts
        {
            Text = text,
            Now = now,
            Quiet = smsOptions.Value.QuietHours(),
            Cap = smsOptions.Value.MaxPerNumberPerHour,
            NeverAccepted = neverAccepted,
        };
        var rule = SendPolicy.RuleFor(text.Kind);
        facts = rule switch
        {
            ReminderRule => await ReminderAsync(facts, ct),
            AlertRule or DigestRule => await AlertAsync(facts, composing: !neverAccepted, ct),
            WfiRule => facts with
            {
                Parent = await parents.GetAsync(text.ParentId, ct),
                Invitation = text.OfficeId is null || text.InvitationId is null ? null : await invitations.GetAsync(text.OfficeId, text.InvitationId, ct),
            },
            ParentLinkRule => facts with { Parent = await parents.GetAsync(text.ParentId, ct) },
            _ => facts,
        };
        if (facts.Number is not { Length: > 0 } number)
        {
            return (facts, null);
        }

        var row = await cap.ReadAsync(number, ct);
        return (facts with { Hour = row.Hour }, row);
    }

    /// <summary>
    /// Just before a digest goes: closes it, so a vacancy found from now on goes in the next one. False when an item
    /// was added since the facts were read: the text is then decided again with it.
    /// </summary>
    public async Task<bool> BeforeSendAsync(SendFacts facts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Text.Kind != AlertTextKinds.Digest || facts.Text.State == TextStates.Sending)
        {
            return true;
        }

        var closed = await ledger.CloseDigestAsync(facts.Text.ParentId, DigestDate(facts.Text), ct);
        return closed.Count <= facts.DigestItems;
    }

    /// <remarks>
    /// The text carries its appointment's parent (an appointment never changes parent), so the two are read at once;
    /// a row written without it, or naming another parent, reads the appointment's parent after.
    /// </remarks>
    private async Task<SendFacts> ReminderAsync(SendFacts facts, CancellationToken ct)
    {
        var parentId = facts.Text.ParentId;
        var appointmentRead = appointments.GetAsync(facts.Text.AppointmentId, ct);
        var parentRead = parentId is { Length: > 0 } ? parents.GetAsync(parentId, ct) : Task.FromResult<ParentEntity?>(null);
        await Task.WhenAll(appointmentRead, parentRead);
        if (await appointmentRead is not { } appointment)
        {
            return facts;
        }

        return facts with
        {
            Appointment = appointment,
            Parent = appointment.ParentId == parentId ? await parentRead : await parents.GetAsync(appointment.ParentId, ct),
            Venue = await venues.GetAsync(appointment.VenueId, ct),
        };
    }

    /// <remarks>An alert's vacancies (named on its row) are read with its parent, at once; a digest's come from its ledger row.</remarks>
    private async Task<SendFacts> AlertAsync(SendFacts facts, bool composing, CancellationToken ct)
    {
        var isDigest = facts.Text.Kind == AlertTextKinds.Digest;
        var parentRead = parents.GetAsync(facts.Text.ParentId, ct);
        var alertItems = composing && !isDigest ? JsonSerializer.Deserialize<List<AlertItem>>(facts.Text.AlertItems ?? "[]", JsonDefaults.Web) ?? [] : [];
        var vacanciesRead = Task.WhenAll(alertItems.Select(item => vacancies.GetAsync(item.Ref, ct)));
        await Task.WhenAll(parentRead, vacanciesRead);
        var parent = await parentRead;
        if (!composing || AlertRule.WhyNotTo(parent) is not null)
        {
            return facts with { Parent = parent };
        }

        var items = isDigest ? await ledger.DigestItemsAsync(facts.Text.ParentId, DigestDate(facts.Text), ct) : alertItems;
        var read = isDigest ? await Task.WhenAll(items.Select(item => vacancies.GetAsync(item.Ref, ct))) : await vacanciesRead;
        var found = new List<(VacancyEntity, double)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (read[i] is { } vacancy)
            {
                found.Add((vacancy, items[i].DistanceKm));
            }
        }

        return facts with { Parent = parent, Vacancies = found, DigestItems = items.Count };
    }

    private static DateOnly DigestDate(TextEntity text) => DateOnly.ParseExact(text.DigestDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
