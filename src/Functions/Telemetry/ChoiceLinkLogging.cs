using Microsoft.Extensions.Logging;

namespace Pilot.Functions.Telemetry;

/// <summary>Keeps choice-link tokens (bearer credentials, <c>/api/c/{token}</c>) out of what a host logs about requests.</summary>
public static class ChoiceLinkLogging
{
    /// <summary>
    /// ASP.NET Core's request logging: "Request starting ... /api/c/{token}" at Information, and, whenever the category
    /// is on at all, a <c>RequestPath</c> scope that loggers keeping scopes (Application Insights does) attach to every
    /// line written during the request. It cannot be redacted, so it is off; each host logs its requests itself.
    /// </summary>
    public const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>Used by the Functions worker (Program.cs) and the local runner (LocalRunnerApp).</summary>
    public static ILoggingBuilder KeepChoiceLinkTokensOutOfLogs(this ILoggingBuilder logging) =>
        logging.AddFilter(HostingDiagnosticsCategory, LogLevel.None);
}
