using System.Globalization;
using Pilot.ProviderSimulators.Notify;
using Pilot.ProviderSimulators.Recording;
using Pilot.Shared.WfiInvitations;
using Pilot.Shared.WfiInvitations.Letters;

namespace Pilot.FaultRun;

/// <summary>
/// WFI invitations in the run and their letters, counted at the Notify simulator (what it accepted, per
/// reference: Notify does not de-duplicate) and in the invitations' status; and their companion texts,
/// counted at the SMS simulators by the text id their message ids end with (<see cref="WfiLetterJobs.CompanionTextId"/>).
/// </summary>
/// <param name="WithOneLetter">Invitations posted whose reference Notify took exactly once, and whose recorded notification id is that letter's.</param>
/// <param name="WithoutLetter">Invitations with no letter at Notify, or never marked posted.</param>
/// <param name="LettersTwice">References Notify took more than once.</param>
/// <param name="CompanionTexts">Companion texts the providers accepted.</param>
public sealed record LetterFigures(
    int Invitations,
    int Posted,
    int WithOneLetter,
    int WithoutLetter,
    int LettersTwice,
    int NotifyLetters,
    int NotifyDrops,
    int NotifyServerErrors,
    int NotifyThrottles,
    int CompanionTexts,
    int CompanionTwilioTwice,
    int CompanionAcsTwice,
    int CompanionByBoth,
    int CompanionSentButNotAccepted,
    IReadOnlyDictionary<string, int> Statuses,
    IReadOnlyDictionary<string, int> CompanionOutcomes,
    IReadOnlyList<string> NotSettled)
{
    /// <summary>The letter job is finished with: posted and the companion text sent or knowingly not sent, or closed.</summary>
    public static bool Settled(WfiInvitationEntity invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return invitation.Status is WfiInvitationStatuses.Cancelled or WfiInvitationStatuses.Defaulted
            || (invitation.PostedAt is not null && invitation.CompanionText is not null);
    }

    public static LetterFigures From(
        IReadOnlyList<WfiInvitationEntity> invitations, IReadOnlyList<NotifyLetter> letters, IReadOnlyList<RecordedRequest> notifyRequests,
        IReadOnlyDictionary<string, int> twilioSends, IReadOnlyDictionary<string, int> acsSends)
    {
        ArgumentNullException.ThrowIfNull(invitations);
        ArgumentNullException.ThrowIfNull(letters);
        ArgumentNullException.ThrowIfNull(notifyRequests);
        ArgumentNullException.ThrowIfNull(twilioSends);
        ArgumentNullException.ThrowIfNull(acsSends);
        var byReference = letters.GroupBy(l => l.Reference, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var posts = notifyRequests.Where(r => r.Method == "POST").ToList();
        bool HasOneLetter(WfiInvitationEntity i) =>
            i.PostedAt is not null && byReference.TryGetValue(i.Reference, out var l) && l.Count == 1 && l[0].Id == i.DispatchReference;
        int Twilio(WfiInvitationEntity i) => twilioSends.GetValueOrDefault(WfiLetterJobs.CompanionTextId(i));
        int Acs(WfiInvitationEntity i) => acsSends.GetValueOrDefault(WfiLetterJobs.CompanionTextId(i));
        return new LetterFigures(
            invitations.Count,
            Posted: invitations.Count(i => i.PostedAt is not null),
            WithOneLetter: invitations.Count(HasOneLetter),
            WithoutLetter: invitations.Count(i => i.PostedAt is null || !byReference.ContainsKey(i.Reference)),
            LettersTwice: byReference.Values.Count(l => l.Count > 1),
            NotifyLetters: letters.Count,
            NotifyDrops: posts.Count(r => r.ResponseStatus == 0),
            NotifyServerErrors: posts.Count(r => r.ResponseStatus >= 500),
            NotifyThrottles: posts.Count(r => r.ResponseStatus == 429),
            CompanionTexts: invitations.Sum(i => Twilio(i) + Acs(i)),
            CompanionTwilioTwice: invitations.Count(i => Twilio(i) > 1),
            CompanionAcsTwice: invitations.Count(i => Acs(i) > 1),
            CompanionByBoth: invitations.Count(i => Twilio(i) > 0 && Acs(i) > 0),
            CompanionSentButNotAccepted: invitations.Count(i => i.CompanionText == "sent" && Twilio(i) + Acs(i) == 0),
            Statuses: invitations.GroupBy(i => i.Status).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            CompanionOutcomes: invitations.GroupBy(i => i.CompanionText ?? "(none)").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            [.. invitations.Where(i => !Settled(i) || !HasOneLetter(i)).Take(10).Select(i => string.Create(
                CultureInfo.InvariantCulture,
                $"{i.Id} {i.Reference} {i.Status}, letters at Notify {byReference.GetValueOrDefault(i.Reference)?.Count ?? 0}, companion text {i.CompanionText ?? "(none)"}"))]);
    }
}
