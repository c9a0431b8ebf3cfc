using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Http;
using Pilot.Shared.Access;
using Pilot.Shared.Vacancies.Catalogue;

namespace Pilot.Functions.Vacancies;

public sealed class PostVacanciesFunction(VacancyIngestion ingestion, AccessGate gate)
{
    [Function("PostVacancies")]
    [Admits(Role.Feed)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "vacancies")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (_, refused) = gate.Admit(request, this);
        if (refused is not null)
        {
            return refused;
        }

        var (body, tooLarge) = await JsonBody.ReadBoundedAsync(request, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        var csv = request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true;
        var outcome = csv
            ? await ingestion.IngestCsvAsync(body, cancellationToken)
            : await ingestion.IngestJsonAsync(body, cancellationToken);
        return ProblemResults.From(outcome, result => new AcceptedResult((string?)null, result));
    }
}
