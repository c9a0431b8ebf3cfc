using System.Security.Cryptography;
using System.Text;

namespace Pilot.LoadRun;

/// <summary>The run's own office keys (<c>load-&lt;office id&gt;</c>) and the hashes the runner is given for them.</summary>
internal static class OfficeKeys
{
    public static string KeyOf(string officeId) => "load-" + officeId;

    public static string HashOf(string officeId) => HashOfKey(KeyOf(officeId));

    public static string HashOfKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
