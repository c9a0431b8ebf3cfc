using Microsoft.Extensions.Logging;
using Pilot.Shared.Reminders;
using Pilot.Shared.Sms;
using Pilot.Shared.Sms.Outbound;

namespace Pilot.Shared.UnitTests.Sms;

public sealed class SmsOutcomeLogTests
{
    [Theory]
    [InlineData(TextStates.Delivered, SmsDeliveryStatus.Delivered)]
    [InlineData(TextStates.Failed, SmsDeliveryStatus.PermanentFailure)]
    public void A_finished_text_logs_one_outcome_event_the_failure_rate_alert_can_count(string state, SmsDeliveryStatus status)
    {
        var logger = new RecordingLogger();

        SmsOutcomeLog.Record(logger, state, "a1-v1-confirmation", "twilio", status);

        var entry = Assert.Single(logger.Entries);
        Assert.StartsWith(SmsOutcomeLog.MessagePrefix + " ", entry.Message, StringComparison.Ordinal);
        Assert.Equal(state, entry.Fields[SmsOutcomeLog.OutcomeField]);
        Assert.Equal("twilio", entry.Fields["SmsProvider"]);
        Assert.Equal("SmsOutcome", entry.EventName);
    }

    [Theory]
    [InlineData(TextStates.Sent)]
    [InlineData(TextStates.Sending)]
    [InlineData(TextStates.Cancelled)]
    public void A_text_not_finished_by_a_provider_logs_no_outcome(string state)
    {
        var logger = new RecordingLogger();

        SmsOutcomeLog.Record(logger, state, "a1-v1-confirmation", "twilio", SmsDeliveryStatus.Sent);

        Assert.Empty(logger.Entries);
    }

    [Fact]
    public void Outcome_values_are_the_text_states_the_alert_query_names()
    {
        Assert.Equal(TextStates.Delivered, SmsOutcomeLog.Delivered);
        Assert.Equal(TextStates.Failed, SmsOutcomeLog.Failed);
    }

    private sealed record Entry(string Message, string? EventName, IReadOnlyDictionary<string, object?> Fields);

    private sealed class RecordingLogger : ILogger
    {
        public List<Entry> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = (state as IEnumerable<KeyValuePair<string, object?>>)?.ToDictionary(p => p.Key, p => p.Value) ?? [];
            Entries.Add(new Entry(formatter(state, exception), eventId.Name, fields));
        }
    }
}
