using System.Globalization;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Pilot.LocalRunner.Queues;

namespace Pilot.LocalRunner.Hosting;

/// <summary>Reads host.json, with app-setting overrides under <c>AzureFunctionsJobHost</c> as the host allows.</summary>
internal static class HostJson
{
    public const string PathSetting = "LocalRunner:HostJsonPath";

    public const string FileName = "host.json";

    private const string OverrideSection = "AzureFunctionsJobHost";

    public static HostSettings Read(IConfiguration configuration, ICollection<string> problems)
    {
        var configuredPath = configuration[PathSetting];
        var path = string.IsNullOrWhiteSpace(configuredPath)
            ? Path.Combine(AppContext.BaseDirectory, FileName)
            : Path.GetFullPath(configuredPath);

        var builder = new ConfigurationBuilder();
        string? readPath = null;
        if (File.Exists(path))
        {
            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
            readPath = path;
        }
        else if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            problems.Add($"{PathSetting} is '{configuredPath}', but {path} does not exist.");
        }

        // Copied rather than chained: a chained configuration ignores empty values, and an empty
        // routePrefix is a meaningful override.
        builder.AddInMemoryCollection(configuration.GetSection(OverrideSection)
            .AsEnumerable(makePathsRelative: true)
            .Where(setting => setting.Key.Length > 0 && setting.Value is not null));

        IConfiguration host;
        try
        {
            host = builder.Build();
        }
        catch (InvalidDataException ex)
        {
            problems.Add($"{path} is not valid JSON: {ex.InnerException?.Message ?? ex.Message}");
            return new HostSettings(readPath, HostSettings.DefaultRoutePrefix, QueueHostOptions.Default, Functions: null, new Dictionary<string, LogLevel>());
        }

        var functions = host.GetSection("functions").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        return new HostSettings(
            readPath,
            host["extensions:http:routePrefix"] ?? HostSettings.DefaultRoutePrefix,
            ReadQueues(host.GetSection("extensions:queues"), problems),
            functions.Count == 0 ? null : functions,
            ReadLogLevels(host.GetSection("logging:logLevel"), problems));
    }

    private static Dictionary<string, LogLevel> ReadLogLevels(IConfigurationSection section, ICollection<string> problems)
    {
        var levels = new Dictionary<string, LogLevel>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in section.GetChildren().Where(c => c.Value is not null))
        {
            if (Enum.TryParse<LogLevel>(entry.Value, ignoreCase: true, out var level) && Enum.IsDefined(level))
            {
                levels[entry.Key] = level;
            }
            else
            {
                problems.Add($"host.json {entry.Path} is '{entry.Value}'; expected Trace, Debug, Information, Warning, Error, Critical or None.");
            }
        }

        return levels;
    }

    private static QueueHostOptions ReadQueues(IConfigurationSection queues, ICollection<string> problems)
    {
        var defaults = QueueHostOptions.Default;
        var batchSize = ReadInt(queues, "batchSize", defaults.BatchSize, 1, QueueHostOptions.MaxBatchSize, problems);
        return new QueueHostOptions(
            batchSize,
            ReadInt(queues, "newBatchThreshold", batchSize / 2, 0, int.MaxValue, problems),
            ReadTimeSpan(queues, "maxPollingInterval", defaults.MaxPollingInterval, QueueHostOptions.MinPollingInterval, problems),
            ReadTimeSpan(queues, "visibilityTimeout", defaults.VisibilityTimeout, TimeSpan.Zero, problems),
            ReadInt(queues, "maxDequeueCount", defaults.MaxDequeueCount, 1, int.MaxValue, problems),
            ReadEncoding(queues, problems));
    }

    private static int ReadInt(IConfigurationSection section, string key, int fallback, int min, int max, ICollection<string> problems)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"host.json {section.Path}:{key} is '{text}'; expected a whole number from {min} to {max}.");
        return fallback;
    }

    private static TimeSpan ReadTimeSpan(IConfigurationSection section, string key, TimeSpan fallback, TimeSpan min, ICollection<string> problems)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }

        // A bare number is milliseconds (the Functions 1.x form the host still accepts for polling);
        // TimeSpan.Parse would read it as days.
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= min.TotalMilliseconds)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return value;
        }

        problems.Add($"host.json {section.Path}:{key} is '{text}'; expected a time span such as 00:00:02, at least {min}.");
        return fallback;
    }

    private static QueueMessageEncoding ReadEncoding(IConfigurationSection section, ICollection<string> problems)
    {
        var text = section["messageEncoding"];
        switch (text?.ToUpperInvariant())
        {
            case null or "BASE64":
                return QueueMessageEncoding.Base64;
            case "NONE":
                return QueueMessageEncoding.None;
            default:
                problems.Add($"host.json {section.Path}:messageEncoding is '{text}'; expected base64 or none.");
                return QueueMessageEncoding.Base64;
        }
    }
}
