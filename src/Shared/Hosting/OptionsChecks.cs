using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Pilot.Shared.Hosting;

/// <summary>
/// Every options class is checked when the app starts, before it serves a request or runs a timer: a setting
/// that cannot work stops the app with the setting named, instead of failing the first text hours later.
/// </summary>
public static class OptionsChecks
{
    /// <summary>Checks the options at start-up with <paramref name="problems"/> (one line per problem, naming the setting).</summary>
    public static OptionsBuilder<T> CheckedOnStart<T>(this OptionsBuilder<T> builder, Func<T, IEnumerable<string>> problems)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<T>>(new ProblemsValidator<T>(builder.Name, problems));
        return builder.ValidateOnStart();
    }

    /// <summary>Options with nothing that can be wrong on their own (their secrets are checked by the secret checks) are still bound at start-up.</summary>
    public static OptionsBuilder<T> CheckedOnStart<T>(this OptionsBuilder<T> builder)
        where T : class => builder.CheckedOnStart(_ => []);

    /// <summary>A problem line when <paramref name="value"/> is outside <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static IEnumerable<string> Range(string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            yield return $"{setting} must be from {min} to {max} (it is {value})";
        }
    }

    private sealed class ProblemsValidator<T>(string? name, Func<T, IEnumerable<string>> problems) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
        {
            if (name is not null && name != optionsName)
            {
                return ValidateOptionsResult.Skip;
            }

            var found = problems(options).ToList();
            return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
        }
    }
}
