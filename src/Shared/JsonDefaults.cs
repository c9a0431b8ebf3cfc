using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pilot.Shared;

public static class JsonDefaults
{
    /// <summary>camelCase, case-insensitive reading, enums as strings; used for HTTP bodies and queue messages.</summary>
    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
