using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pilot.TestSupport;

/// <summary>Captures every log line written during the tests, so tests can check what was logged (and what was not).</summary>
public static class TestLog
{
    public static CapturingLoggerProvider Provider { get; } = new();

    public static IReadOnlyCollection<string> Lines => Provider.Lines;
}

/// <summary>
/// Keeps every line in memory for the test that wrote it and, when <c>PILOT_TEST_LOG_DIR</c> is set (the
/// test command sets it), appends it to a file there, so one test can search all logs of the suite.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public const string DirectoryVariable = "PILOT_TEST_LOG_DIR";

    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _lines);

    internal static void Append(string line)
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is not { Length: > 0 } directory)
        {
            return;
        }

        lock (FileLock)
        {
            Directory.CreateDirectory(directory);
            File.AppendAllText(Path.Combine(directory, $"tests-{Environment.ProcessId}.log"), line.ReplaceLineEndings(" ") + Environment.NewLine);
        }
    }

    private static readonly object FileLock = new();

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var line = $"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}";
            lines.Enqueue(line);
            Append(line);
        }
    }
}
