using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pilot.IntegrationTests.BadInput;

/// <summary>
/// Makes at least <see cref="Minimum"/> bad requests for one endpoint from its valid sample:
/// wrong methods, malformed and truncated JSON, wrong types, missing and extra fields, bodies over
/// 1 MB, invalid UTF-8, odd Unicode and injection strings, invalid mobiles, postcodes, dates and
/// ids, valid but extreme dates and instants in every date field (0001-01-01, 9999-12-31, offsets of
/// +14:00 and -12:00 around midnight, year 10000), unsigned and forged webhooks. Seeded, so a failure can be replayed.
/// </summary>
public sealed class BadRequestGenerator(HttpEndpoint endpoint, EndpointSample sample, SeededData seeded, int seed)
{
    public const int Minimum = 1000;
    public const string EventGridKey = "fuzz-event-grid-key";
    private const int OverOneMegabyte = (1024 * 1024) + 1;

    private static readonly string[] AllMethods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];
    private readonly Random _random = new(seed);
    private readonly List<BadRequest> _requests = [];

    private HttpMethod Method => new(endpoint.Methods.Count > 0 ? endpoint.Methods[0] : "GET");

    private string ValidPath => WithEventGridKey(sample.Path(seeded));

    public IReadOnlyList<BadRequest> Generate()
    {
        WrongMethods();
        BadRouteValues();
        BadKeys();
        BadQueryValues();
        switch (sample.Format)
        {
            case BodyFormat.Json:
                JsonBodies(sample.Body(seeded)!, expectObject: true);
                break;
            case BodyFormat.EventGrid:
                EventGrid();
                break;
            case BodyFormat.TwilioForm:
                TwilioForms();
                break;
            case BodyFormat.Csv:
                Csv(sample.CsvBody!);
                break;
            default:
                Bodiless();
                break;
        }

        return _requests;
    }

    private void Add(string kind, Expect expect, byte[]? body = null, string? contentType = null, string? field = null, string? path = null, HttpMethod? method = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var all = new Dictionary<string, string>(sample.Headers ?? new Dictionary<string, string>());
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            all[name] = value;
        }

        _requests.Add(new BadRequest(kind, method ?? Method, path ?? ValidPath, body, contentType, expect, field, all));
    }

    private void WrongMethods()
    {
        // A method another function answers at the same route (GET and POST /api/venues) is that function's, not a wrong one.
        foreach (var method in AllMethods.Where(m => !endpoint.Methods.Contains(m) && !HttpEndpoint.All.Any(e => e.Route == endpoint.Route && e.Methods.Contains(m))))
        {
            Add("wrong method", Expect.Rejected, method: new HttpMethod(method));
        }
    }

    private void BadRouteValues()
    {
        if (sample.PathWithRouteValue is not { } path)
        {
            return;
        }

        var values = sample.RouteFieldKind == EndpointSamples.Date ? BadValues.Dates.Concat(BadValues.Ids) : BadValues.Ids;
        foreach (var value in values)
        {
            Add("bad route value", Expect.Rejected, ValidBody(), JsonOrNull(), path: path(value));
        }
    }

    /// <summary>An endpoint that needs a key (a function key, or an office's), called without one or with a wrong one.</summary>
    private void BadKeys()
    {
        if (endpoint.Level == Microsoft.Azure.Functions.Worker.AuthorizationLevel.Anonymous)
        {
            return;
        }

        foreach (var key in new[] { "", "not-a-key", "x" + EndpointSamples.OfficeKey, EndpointSamples.OfficeKey.ToUpperInvariant(), new string('k', 5000) })
        {
            Add("wrong key", Expect.Rejected, ValidBody(), JsonOrNull(), headers: new Dictionary<string, string> { ["x-functions-key"] = key });
        }
    }

    private void BadQueryValues()
    {
        foreach (var (field, (_, kind)) in sample.QueryFields ?? new Dictionary<string, (string, string)>())
        {
            // A blank value is the same as none: the default applies.
            var values = (kind == EndpointSamples.Date ? BadValues.Dates.Concat(BadValues.OddStrings) : BadValues.OddStrings).Where(v => !string.IsNullOrWhiteSpace(v));
            foreach (var bad in values)
            {
                var query = string.Join('&', sample.QueryFields!.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Key == field ? bad : q.Value.Valid)}"));
                Add($"invalid query {kind}", Expect.RejectedNamingField, field: field, path: $"{sample.Path(seeded).Split('?')[0]}?{query}");
            }
        }
    }

    private void Csv(string valid)
    {
        const string csv = "text/csv";
        Add("empty CSV", Expect.Rejected, [], csv);
        Add("over 1 MB", Expect.Rejected, Oversize(valid), csv);
        Add("invalid UTF-8", Expect.Rejected, InvalidUtf8(valid), csv);
        Add("header only", Expect.NoFailure, Encoding.UTF8.GetBytes(valid.Split('\n')[0] + "\n"), csv);
        Add("no header", Expect.NoFailure, Encoding.UTF8.GetBytes(string.Join('\n', valid.Split('\n').Skip(1))), csv);
        for (var length = 1; length < valid.Length; length++)
        {
            Add("truncated CSV", Expect.NoFailure, Encoding.UTF8.GetBytes(valid[..length]), csv);
        }

        var header = valid.Split('\n')[0].Split(',');
        var row = valid.Split('\n')[1];

        // Every date column gets every bad and extreme date: the row is rejected, the file never fails.
        foreach (var column in Enumerable.Range(0, header.Length).Where(c => header[c].EndsWith("At", StringComparison.Ordinal) || header[c].EndsWith("By", StringComparison.Ordinal)))
        {
            foreach (var bad in BadValues.Instants.Concat(BadValues.Dates))
            {
                var cells = SplitCsv(row);
                cells[column] = "\"" + bad.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                Add("bad CSV date", Expect.NoFailure, Encoding.UTF8.GetBytes(valid.Split('\n')[0] + "\n" + string.Join(',', cells) + "\n"), csv, header[column]);
            }
        }

        foreach (var odd in BadValues.OddStrings.Concat(BadValues.Mobiles).Concat(BadValues.Instants))
        {
            var cells = SplitCsv(row);
            var column = _random.Next(cells.Count);
            cells[column] = "\"" + odd.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            Add("odd CSV cell", Expect.NoFailure, Encoding.UTF8.GetBytes(valid.Split('\n')[0] + "\n" + string.Join(',', cells) + "\n"), csv, header[column]);
        }

        // Cells as a spreadsheet exports them: cleaned, then accepted.
        foreach (var column in sample.PastedFields ?? [])
        {
            var index = Array.IndexOf(header, column);
            var cell = SplitCsv(row)[index];
            var value = cell.StartsWith('"') ? cell[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : cell;
            foreach (var pasted in BadValues.Pasted(value))
            {
                var cells = SplitCsv(row);
                cells[index] = "\"" + pasted.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                Add("pasted CSV cell", Expect.Accepted, Encoding.UTF8.GetBytes(valid.Split('\n')[0] + "\n" + string.Join(',', cells) + "\n"), csv, column);
            }
        }

        while (_requests.Count < Minimum)
        {
            Add("random CSV edit", Expect.NoFailure, Encoding.UTF8.GetBytes(RandomEdit(valid)), csv);
            Add("random bytes", Expect.NoFailure, RandomBytes(), csv);
        }
    }

    private static List<string> SplitCsv(string row)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in row)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == ',' && !quoted)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        cells.Add(current.ToString());
        return cells;
    }

    private byte[]? ValidBody() => sample.Format == BodyFormat.Json ? Encoding.UTF8.GetBytes(sample.Body(seeded)!.ToJsonString()) : null;

    private string? JsonOrNull() => sample.Format == BodyFormat.Json ? "application/json" : null;

    private void JsonBodies(JsonNode valid, bool expectObject)
    {
        var text = valid.ToJsonString();
        Add("empty body", Expect.RejectedNamingField, [], "application/json", "body");
        foreach (var malformed in BadValues.MalformedJson)
        {
            Add("malformed JSON", expectObject || !IsJson(malformed) ? Expect.Rejected : Expect.NoFailure, Encoding.UTF8.GetBytes(malformed), "application/json");
        }

        for (var length = 1; length < text.Length; length++)
        {
            Add("truncated JSON", Expect.Rejected, Encoding.UTF8.GetBytes(text[..length]), "application/json");
        }

        Add("over 1 MB, declared", Expect.Rejected, Oversize(text), "application/json");
        Add("over 1 MB, chunked", Expect.Rejected, Oversize(text), "application/json", headers: new Dictionary<string, string> { ["x-fuzz-chunked"] = "1" });
        Add("invalid UTF-8", Expect.Rejected, InvalidUtf8(text), "application/json");

        foreach (var (path, node) in Leaves(valid))
        {
            foreach (var wrong in WrongTypes(node))
            {
                Add("wrong type", expectObject ? Expect.RejectedNamingField : Expect.NoFailure, Mutate(valid, path, _ => wrong), "application/json", path);
            }

            Add("null", Expect.NoFailure, Mutate(valid, path, _ => (JsonNode?)null), "application/json", path);
            Add("missing", Expect.NoFailure, Remove(valid, path), "application/json", path);
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                foreach (var odd in BadValues.OddStrings)
                {
                    var kind = sample.FieldKinds?.GetValueOrDefault(path);
                    var expect = kind is EndpointSamples.Mobile or EndpointSamples.Postcode or EndpointSamples.Instant or EndpointSamples.Date or EndpointSamples.Choice ? Expect.RejectedNamingField : Expect.NoFailure;
                    Add("odd string", expect, MutateString(valid, path, odd), "application/json", path);
                }

                Add("lone surrogate", Expect.NoFailure, Encoding.UTF8.GetBytes(text.Replace(Quote(value.GetValue<string>()), "\"\\ud800x\"", StringComparison.Ordinal)), "application/json", path);
            }
        }

        foreach (var objectPath in Objects(valid))
        {
            var field = objectPath.Length == 0 ? "unexpectedField" : $"{objectPath}.unexpectedField";
            Add("extra field", expectObject ? Expect.RejectedNamingField : Expect.NoFailure, Mutate(valid, objectPath, o => AddField(o!)), "application/json", field);
        }

        foreach (var (path, kind) in sample.FieldKinds ?? new Dictionary<string, string>())
        {
            var values = kind switch
            {
                EndpointSamples.Mobile => BadValues.Mobiles,
                EndpointSamples.Postcode => BadValues.Postcodes,
                EndpointSamples.Instant => BadValues.Instants,
                EndpointSamples.Date => BadValues.Dates,
                EndpointSamples.Choice => BadValues.OddStrings,
                _ => BadValues.Ids,
            };
            foreach (var bad in values)
            {
                Add($"invalid {kind}", kind == EndpointSamples.Id ? Expect.Rejected : Expect.RejectedNamingField, MutateString(valid, path, bad), "application/json", path);
            }
        }

        // Values as a spreadsheet exports them are cleaned and accepted; a line break inside one is still refused.
        foreach (var path in sample.PastedFields ?? [])
        {
            var value = Leaves(valid).Single(l => l.Path == path).Node!.GetValue<string>();
            foreach (var pasted in BadValues.Pasted(value))
            {
                Add("pasted from a spreadsheet", Expect.Accepted, MutateString(valid, path, pasted), "application/json", path);
            }

            // A postcode's spaces are not part of it ("SW2\n1RW" is SW2 1RW), so only text fields are tried.
            if (value.Contains(' ', StringComparison.Ordinal) && sample.FieldKinds?.GetValueOrDefault(path) != EndpointSamples.Postcode)
            {
                Add("line break inside a value", Expect.RejectedNamingField, MutateString(valid, path, value.Replace(' ', '\n')), "application/json", path);
            }
        }

        while (_requests.Count < Minimum)
        {
            Add("random bytes", Expect.Rejected, RandomBytes(), "application/json");
            Add("random edit", Expect.NoFailure, Encoding.UTF8.GetBytes(RandomEdit(text)), "application/json");
        }
    }

    private void EventGrid()
    {
        var valid = sample.Body(seeded)!;
        var path = sample.Path(seeded);
        Add("no key", Expect.Rejected, Encoding.UTF8.GetBytes(valid.ToJsonString()), "application/json", path: path);
        Add("wrong key", Expect.Rejected, Encoding.UTF8.GetBytes(valid.ToJsonString()), "application/json", path: $"{path}?code=not-the-key");
        JsonBodies(valid, expectObject: false);
    }

    private void TwilioForms()
    {
        var valid = (JsonObject)sample.Body(seeded)!;
        var form = valid.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        var url = sample.Path(seeded);
        Add("unsigned", Expect.Rejected, Form(form), FormType);
        Add("forged signature", Expect.Rejected, Form(form), FormType, headers: Signed(url, form, "not-our-token"));
        Add("signature for another URL", Expect.Rejected, Form(form), FormType, headers: Signed("https://attacker.example/api/" + url, form));
        Add("over 1 MB", Expect.Rejected, Oversize(Encoding.UTF8.GetString(Form(form))), FormType);
        Add("JSON instead of a form", Expect.Rejected, Encoding.UTF8.GetBytes(valid.ToJsonString()), "application/json");
        foreach (var key in form.Keys)
        {
            foreach (var odd in BadValues.OddStrings.Concat(BadValues.Mobiles))
            {
                var mutated = new Dictionary<string, string>(form) { [key] = odd };
                Add("signed odd value", Expect.NoFailure, Form(mutated), FormType, key, headers: Signed(url, mutated));
                Add("unsigned odd value", Expect.Rejected, Form(mutated), FormType, key);
            }

            var missing = new Dictionary<string, string>(form);
            missing.Remove(key);
            Add("signed missing field", Expect.NoFailure, Form(missing), FormType, key, headers: Signed(url, missing));
        }

        while (_requests.Count < Minimum)
        {
            var tampered = new Dictionary<string, string>(form) { [form.Keys.ElementAt(_random.Next(form.Count))] = RandomText(12) };
            Add("tampered after signing", Expect.Rejected, Form(tampered), FormType, headers: Signed(url, form));
        }
    }

    private void Bodiless()
    {
        while (_requests.Count < Minimum)
        {
            var query = $"{RandomText(6)}={Uri.EscapeDataString(BadValues.OddStrings[_random.Next(BadValues.OddStrings.Count)])}";
            var path = ValidPath.Contains('?', StringComparison.Ordinal) ? $"{ValidPath}&{query}" : $"{ValidPath}?{query}";
            if (sample.PathWithRouteValue is { } routed && _random.Next(2) == 0)
            {
                Add("random route value", Expect.Rejected, path: routed(Uri.EscapeDataString(RandomText(1 + _random.Next(40)))));
            }
            else
            {
                // Only endpoints that change nothing are sent good paths with junk attached.
                var safe = endpoint.Methods.Contains("GET");
                Add("junk query and body", safe ? Expect.NoFailure : Expect.Rejected, RandomBytes(), "application/json", path: safe ? path : sample.PathWithRouteValue!("nobody-" + RandomText(8)));
            }
        }
    }

    private string WithEventGridKey(string path) => sample.Format == BodyFormat.EventGrid ? $"{path}?code={EventGridKey}" : path;

    private const string FormType = "application/x-www-form-urlencoded";

    private static byte[] Form(IReadOnlyDictionary<string, string> form) => Encoding.UTF8.GetBytes(string.Join('&', form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")));

    private static Dictionary<string, string> Signed(string path, IReadOnlyDictionary<string, string> form, string token = Sms.TwilioTestSigner.AuthToken)
        => new() { ["X-Twilio-Signature"] = Sms.TwilioTestSigner.Sign(path.StartsWith("https://", StringComparison.Ordinal) ? path : $"{Sms.TwilioTestSigner.PublicBaseUrl}/api/{path}", form, token) };

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static byte[] Oversize(string valid)
    {
        var padding = new string(' ', OverOneMegabyte);
        return Encoding.UTF8.GetBytes(valid.Length > 1 ? valid[..1] + padding + valid[1..] : padding);
    }

    private static byte[] InvalidUtf8(string valid)
    {
        var bytes = Encoding.UTF8.GetBytes(valid).ToList();
        var quote = bytes.IndexOf((byte)'"', bytes.IndexOf((byte)':') + 1);
        bytes.InsertRange(quote + 1, [0xC0, 0xAF, 0xFF, 0xFE]);
        return [.. bytes];
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[1 + _random.Next(200)];
        _random.NextBytes(bytes);
        bytes[0] = (byte)'{';
        return bytes;
    }

    private string RandomText(int length)
    {
        const string alphabet = "abcXYZ019 -_'\"{}[]:,\\/%&=?#éł€😀\u200b";
        var builder = new StringBuilder();
        while (builder.Length < length)
        {
            builder.Append(alphabet[_random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private string RandomEdit(string text)
    {
        var at = _random.Next(text.Length);
        return _random.Next(3) switch
        {
            0 => text.Remove(at, 1),
            1 => text.Insert(at, RandomText(1 + _random.Next(5))),
            _ => text[..at] + RandomText(1) + text[(at + 1)..],
        };
    }

    private static IEnumerable<JsonNode?> WrongTypes(JsonNode? node)
    {
        var kind = node?.GetValueKind();
        if (kind != JsonValueKind.Number)
        {
            yield return JsonValue.Create(123);
        }

        if (kind is not JsonValueKind.True and not JsonValueKind.False)
        {
            yield return JsonValue.Create(true);
        }

        if (kind != JsonValueKind.Array)
        {
            yield return new JsonArray(1, 2);
        }

        if (kind != JsonValueKind.Object)
        {
            yield return new JsonObject { ["x"] = 1 };
        }

        if (kind != JsonValueKind.String)
        {
            yield return JsonValue.Create("text");
        }
    }

    /// <summary>Every value below the root with its path as the API names fields: <c>address.lines[0]</c>.</summary>
    private static IEnumerable<(string Path, JsonNode? Node)> Leaves(JsonNode node, string prefix = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
                    yield return (path, child);
                    if (child is not null)
                    {
                        foreach (var inner in Leaves(child, path))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var path = $"{prefix}[{i}]";
                    yield return (path, array[i]);
                    if (array[i] is { } child)
                    {
                        foreach (var inner in Leaves(child, path))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }

    private static IEnumerable<string> Objects(JsonNode node)
    {
        if (node is JsonObject)
        {
            yield return "";
        }

        foreach (var (path, child) in Leaves(node))
        {
            if (child is JsonObject)
            {
                yield return path;
            }
        }
    }

    private static JsonNode AddField(JsonNode node)
    {
        node.AsObject()["unexpectedField"] = "surprise";
        return node;
    }

    private static byte[] Mutate(JsonNode valid, string path, Func<JsonNode?, JsonNode?> change)
    {
        var copy = valid.DeepClone();
        if (path.Length == 0)
        {
            copy = change(copy);
        }
        else
        {
            var (parent, last) = Locate(copy, path);
            var replacement = change((last is string key ? parent[key] : parent.AsArray()[(int)last])?.DeepClone());
            Set(parent, last, replacement);
        }

        return Encoding.UTF8.GetBytes(copy?.ToJsonString() ?? "null");
    }

    private static byte[] MutateString(JsonNode valid, string path, string value) => Mutate(valid, path, _ => (JsonNode?)JsonValue.Create(value));

    private static byte[] Remove(JsonNode valid, string path)
    {
        var copy = valid.DeepClone();
        var (parent, last) = Locate(copy, path);
        if (parent is JsonObject obj)
        {
            obj.Remove((string)last);
        }
        else
        {
            parent.AsArray().RemoveAt((int)last);
        }

        return Encoding.UTF8.GetBytes(copy.ToJsonString());
    }

    private static void Set(JsonNode parent, object last, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[(string)last] = value;
        }
        else
        {
            parent.AsArray()[(int)last] = value;
        }
    }

    /// <summary>The container of <paramref name="path"/> and the key (string) or index (int) within it.</summary>
    private static (JsonNode Parent, object Last) Locate(JsonNode root, string path)
    {
        var steps = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0)
            {
                steps.Add(name);
            }

            for (var rest = bracket < 0 ? "" : part[bracket..]; rest.Length > 0; rest = rest[(rest.IndexOf(']', StringComparison.Ordinal) + 1)..])
            {
                steps.Add(int.Parse(rest[1..rest.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var node = root;
        foreach (var step in steps.Take(steps.Count - 1))
        {
            node = step is string key ? node[key]! : node.AsArray()[(int)step]!;
        }

        return (node, steps[^1]);
    }
}
