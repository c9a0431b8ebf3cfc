using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Pilot.Functions.Reminders;
using Pilot.Shared;

namespace Pilot.Infra.Tests.Settings;

/// <summary>
/// Every setting the code reads, computed from the code itself so that a new one appears here the moment
/// it is written: the settable properties of each options class (a class with <c>public const string
/// Section</c>, bound with <c>AddOptions&lt;T&gt;().BindConfiguration(T.Section)</c>), nested classes
/// included, and every <c>%Setting%</c> in a function's trigger attributes (schedules, queue names).
/// </summary>
public static partial class CodeSettings
{
    public const string SectionFieldName = "Section";

    public static Assembly SharedAssembly => typeof(PilotServiceCollectionExtensions).Assembly;

    public static Assembly FunctionsAssembly => typeof(DispatchDueRemindersFunction).Assembly;

    public static IReadOnlyList<CodeSetting> All() =>
        [.. FromOptions().Concat(FromTriggers()).GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>The app's own assemblies: where its options classes and functions are.</summary>
    public static IReadOnlyList<Assembly> AppAssemblies => [SharedAssembly, FunctionsAssembly];

    /// <summary>The options classes: every type of the app with a <c>public const string Section</c>.</summary>
    public static IEnumerable<(Type Type, string Section)> OptionsClasses() =>
        from type in AppAssemblies.SelectMany(a => a.GetTypes())
        let field = type.GetField(SectionFieldName, BindingFlags.Public | BindingFlags.Static)
        where field is { IsLiteral: true } && field.FieldType == typeof(string)
        select (type, (string)field.GetRawConstantValue()!);

    public static IEnumerable<CodeSetting> FromOptions() =>
        OptionsClasses().SelectMany(o => PropertiesOf(o.Type, o.Section, $"{o.Type.Name}"));

    public static IEnumerable<CodeSetting> FromTriggers() =>
        from type in FunctionsAssembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        where function is not null
        from parameter in method.GetParameters()
        from attribute in parameter.GetCustomAttributes()
        from property in attribute.GetType().GetProperties()
        where property.PropertyType == typeof(string)
        let value = property.GetValue(attribute) as string
        where value is not null
        from Match match in AppSettingReference().Matches(value)
        select new CodeSetting(match.Groups[1].Value, $"[{attribute.GetType().Name.Replace("Attribute", "", StringComparison.Ordinal)}] of function {function.Name}");

    private static IEnumerable<CodeSetting> PropertiesOf(Type type, string prefix, string source)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var name = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var settable = property.SetMethod is { IsPublic: true };
            if (IsScalar(propertyType))
            {
                // A get-only scalar is computed, not bound.
                if (settable)
                {
                    yield return new CodeSetting(name, $"{source}.{property.Name}");
                }
            }
            else if (typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                yield return new CodeSetting(name, $"{source}.{property.Name}", IsList: true);
            }
            else if (propertyType.IsClass)
            {
                // The binder fills nested options objects, settable or not.
                foreach (var nested in PropertiesOf(propertyType, name, $"{source}.{property.Name}"))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly) || type == typeof(DateOnly)
        || type == typeof(Guid) || type == typeof(Uri);

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex AppSettingReference();
}
