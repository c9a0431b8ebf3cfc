namespace Pilot.FaultRun;

/// <summary>What the run put into the mix besides reminders.</summary>
/// <param name="ExpectedAlerts">The alert text ids (<c>alert-{parent}-{ref}</c>) every vacancy sent must lead to: each alert parent, each vacancy.</param>
/// <param name="Vacancies">Vacancies sent (every one fits every alert parent).</param>
/// <param name="FeedBatchesDuplicated">Vacancy-feed queue messages delivered twice.</param>
/// <param name="AlertMessagesDuplicated">Send-queue messages of alert texts delivered twice.</param>
/// <param name="LetterJobsDuplicated">WFI letter jobs delivered twice.</param>
public sealed record MixSent(IReadOnlyList<string> ExpectedAlerts, int Vacancies, int FeedBatchesDuplicated, int AlertMessagesDuplicated, int LetterJobsDuplicated);
