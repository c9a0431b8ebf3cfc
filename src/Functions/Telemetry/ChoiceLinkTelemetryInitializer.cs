using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using Pilot.Shared.WfiInvitations.Choosing;

namespace Pilot.Functions.Telemetry;

/// <summary>
/// Cuts choice-link tokens back to the invitation reference (<see cref="ChoiceLinkRedaction"/>) in everything the
/// worker sends to Application Insights: request and dependency names, URLs and data, and every custom property.
/// The Functions host's own request telemetry is not the worker's and is not covered (docs/operations.md).
/// </summary>
public sealed class ChoiceLinkTelemetryInitializer : ITelemetryInitializer
{
    public void Initialize(ITelemetry telemetry)
    {
        switch (telemetry)
        {
            case RequestTelemetry request:
                request.Name = Redacted(request.Name);
                if (request.Url is { } url && ChoiceLinkRedaction.Redact(url.OriginalString) is var redacted && redacted != url.OriginalString)
                {
                    request.Url = new Uri(redacted, UriKind.RelativeOrAbsolute);
                }

                break;
            case DependencyTelemetry dependency:
                dependency.Name = Redacted(dependency.Name);
                dependency.Data = Redacted(dependency.Data);
                break;
        }

        if (telemetry is ISupportProperties { Properties: { Count: > 0 } properties })
        {
            foreach (var key in properties.Keys.ToList())
            {
                properties[key] = Redacted(properties[key]);
            }
        }
    }

    private static string? Redacted(string? text) => text is null ? null : ChoiceLinkRedaction.Redact(text);
}
