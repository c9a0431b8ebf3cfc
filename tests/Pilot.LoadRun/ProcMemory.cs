using System.Globalization;

namespace Pilot.LoadRun;

/// <summary>A process's resident memory as the kernel counts it (<c>VmRSS</c> in <c>/proc/&lt;pid&gt;/status</c>).</summary>
internal static class ProcMemory
{
    /// <returns>Bytes, or null when the process is gone (or this is not Linux).</returns>
    public static long? ResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process has exited.
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours to read.
        }

        return null;
    }
}
