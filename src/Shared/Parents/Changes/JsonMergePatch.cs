using System.Text.Json.Nodes;

namespace Pilot.Shared.Parents.Changes;

/// <summary>
/// RFC 7396 JSON Merge Patch: an object merges member by member, a member set to null is removed, anything else
/// (a number, a string, an array) replaces what was there. The target is not changed; a merged copy is returned.
/// </summary>
public static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }

        return result;
    }
}
