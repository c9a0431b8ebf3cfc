using Microsoft.Azure.Functions.Worker;
using Pilot.Shared.Vacancies.Catalogue;

namespace Pilot.Functions.Vacancies;

public sealed class VacancyFeedFunction(VacancyFeed feed)
{
    [Function("VacancyFeed")]
    public Task Run([QueueTrigger("%Vacancies:FeedQueue%")] string message, CancellationToken cancellationToken)
        => feed.HandleAsync(message, cancellationToken);
}
