using System.Net.Sockets;
using Azure.Data.Tables;

namespace Pilot.TestSupport;

/// <summary>
/// The Azurite instance the test command started. Tests never skip when it is missing: they fail
/// with a message that says how to start it.
/// </summary>
public static class Azurite
{
    public const string EnvironmentVariable = "PILOT_TEST_STORAGE";

    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException(
                    $"{EnvironmentVariable} is not set: these tests need Azurite. Run them with ./test.sh, which installs and starts Azurite on free ports.");
            }

            return value;
        }
    }

    /// <summary>Fails with a clear message when the table endpoint does not answer.</summary>
    public static async Task EnsureReachableAsync()
    {
        var connectionString = ConnectionString;
        var service = new TableServiceClient(connectionString);
        var uri = service.Uri;
        try
        {
            using var tcp = new TcpClient();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await tcp.ConnectAsync(uri.Host, uri.Port, cts.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"Azurite is not reachable at {uri.Host}:{uri.Port} ({ex.Message}). Run the tests with ./test.sh, which starts it.", ex);
        }
    }

    /// <summary>A name unique to one test, usable as a table or queue name (lower-case letters and digits).</summary>
    public static string UniqueName(string prefix) => (prefix + Guid.NewGuid().ToString("N"))[..Math.Min(prefix.Length + 20, 60)].ToLowerInvariant();
}
