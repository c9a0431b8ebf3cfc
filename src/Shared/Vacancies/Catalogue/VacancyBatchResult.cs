namespace Pilot.Shared.Vacancies.Catalogue;

/// <summary>The answer to a batch: every item by its index, accepted or rejected with the reasons by field.</summary>
public sealed record VacancyBatchResult(int Accepted, int Rejected, IReadOnlyList<VacancyItemResult> Items);

/// <summary><see cref="Status"/> is <c>accepted</c> or <c>rejected</c>; <see cref="Errors"/> is keyed by the item's field.</summary>
public sealed record VacancyItemResult(int Index, string? Ref, string Status, IReadOnlyDictionary<string, string[]>? Errors)
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
}
