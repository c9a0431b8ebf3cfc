using System.Text;
using Microsoft.Extensions.Logging;

namespace Pilot.Shared.Vacancies.Catalogue;

/// <summary>
/// The feed queue: each message is a batch in the same JSON as <c>POST /api/vacancies</c>. Bad items
/// are rejected (and logged) while the good ones are stored; a message that is not a batch at all
/// throws <see cref="InvalidVacancyBatchException"/>, so the host retries it and moves it to
/// <c>&lt;queue&gt;-poison</c> with that reason in the log.
/// </summary>
public sealed class VacancyFeed(VacancyIngestion ingestion, ILogger<VacancyFeed> logger)
{
    public async Task<VacancyBatchResult> HandleAsync(string message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var outcome = await ingestion.IngestJsonAsync(Encoding.UTF8.GetBytes(message), ct);
        if (!outcome.IsOk)
        {
            var reason = string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}"));
            logger.LogWarning("Vacancy feed message refused: {Reason}", reason);
            throw new InvalidVacancyBatchException($"The vacancy feed message is not a batch: {reason}");
        }

        return outcome.Value!;
    }
}
