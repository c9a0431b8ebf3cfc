using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pilot.Functions.Http;
using Pilot.Functions.Telemetry;

namespace Pilot.Functions.Hosting;

public static class PilotWorker
{
    /// <summary>
    /// Everything Program.cs asks of the isolated worker: ASP.NET Core integration, 503 for storage trouble met by an HTTP function, no request-path logging (choice
    /// links), the app's services with their start-up checks (secrets among them), telemetry. Tests build the same.
    /// </summary>
    public static FunctionsApplicationBuilder AddPilotWorker(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<StorageUnavailableMiddleware>();
        builder.Logging.KeepChoiceLinkTokensOutOfLogs();
        builder.Services.AddPilotFunctions(builder.Configuration).AddPilotTelemetry(builder.Configuration);
        return builder;
    }
}
