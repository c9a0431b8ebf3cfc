using Microsoft.Azure.Functions.Worker;
using NCrontab;
using Pilot.LocalRunner.Configuration;
using Pilot.LocalRunner.Discovery;

namespace Pilot.LocalRunner.Timers;

/// <summary>A <c>[TimerTrigger]</c> function with its schedule resolved and parsed.</summary>
/// <param name="DeclaredSchedule">The attribute's text, e.g. <c>%ReminderSchedule%</c>.</param>
/// <param name="Schedule">The resolved 6-field NCRONTAB expression, evaluated in UTC.</param>
internal sealed record TimerFunction(
    FunctionMethod Method,
    string DeclaredSchedule,
    string Schedule,
    CrontabSchedule Crontab,
    bool RunOnStartup,
    Func<TimerInfo, CancellationToken, object?[]> BindArguments)
{
    private const string SupportedParameters = "the TimerInfo trigger parameter and CancellationToken";

    private const string SupportedReturns = "void, Task, ValueTask";

    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    /// <returns>The timer function, or null after adding its problems.</returns>
    public static TimerFunction? Create(DiscoveredFunction function, TimerTriggerAttribute trigger, AppSettingResolver settings, ICollection<string> problems)
    {
        var before = problems.Count;
        var binders = new List<Func<TimerInfo, CancellationToken, object?>>();
        foreach (var parameter in function.Method.GetParameters())
        {
            if (function.IsTrigger(parameter) && parameter.ParameterType == typeof(TimerInfo))
            {
                binders.Add((info, _) => info);
            }
            else if (parameter.ParameterType == typeof(CancellationToken))
            {
                binders.Add((_, cancellation) => cancellation);
            }
            else
            {
                problems.Add(function.UnsupportedParameter(parameter, SupportedParameters));
            }
        }

        var schedule = settings.Resolve(trigger.Schedule, function.Name, "timer schedule", problems);
        var crontab = schedule is null ? null : CrontabSchedule.TryParse(schedule, WithSeconds);
        if (schedule is not null && crontab is null)
        {
            problems.Add(
                $"Function '{function.Name}': the timer schedule '{schedule}' is not a 6-field NCRONTAB expression " +
                "({second} {minute} {hour} {day} {month} {day-of-week}).");
        }

        var returnValue = ReturnValue.For(function, _ => false, SupportedReturns, problems);
        if (problems.Count != before)
        {
            return null;
        }

        return new TimerFunction(
            new FunctionMethod(function.Name, function.Method, returnValue!),
            trigger.Schedule,
            schedule!,
            crontab!,
            trigger.RunOnStartup,
            (info, cancellation) => binders.Select(bind => bind(info, cancellation)).ToArray());
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC.</summary>
    public DateTime NextOccurrence(DateTime after) => DateTime.SpecifyKind(Crontab.GetNextOccurrence(after), DateTimeKind.Utc);
}
