using System.Globalization;
using System.Security;

namespace Pilot.FaultRun.StorageFaults;

/// <summary>
/// The error answers Azure Storage gives under throttling, in each service's own shape: an XML <c>Error</c> for
/// queues and blobs, a JSON <c>odata.error</c> for tables, and the <c>x-ms-error-code</c> header on both, so the
/// SDKs read them as they read the real service's.
/// </summary>
public sealed record StorageErrorAnswer(int Status, string Code, string Message)
{
    public static readonly StorageErrorAnswer ServerBusy = new(503, "ServerBusy", "The server is currently unable to receive requests. Please retry your request.");

    public static readonly StorageErrorAnswer OperationTimedOut = new(500, "OperationTimedOut", "Operation could not be completed within the specified time.");

    public static string ContentType(StorageService service)
        => service == StorageService.Tables ? "application/json;odata=minimalmetadata;streaming=true;charset=utf-8" : "application/xml";

    public string Body(StorageService service, string requestId, DateTimeOffset now)
    {
        var message = $"{Message}\nRequestId:{requestId}\nTime:{now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)}";
        if (service == StorageService.Tables)
        {
            return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["odata.error"] = new { code = Code, message = new { lang = "en-US", value = message } },
            });
        }

        return $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{Code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error>";
    }
}
