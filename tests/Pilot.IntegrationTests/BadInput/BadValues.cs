namespace Pilot.IntegrationTests.BadInput;

/// <summary>Values that are wrong for a field of a given kind, and strings that are odd anywhere.</summary>
public static class BadValues
{
    public static IReadOnlyList<string> Mobiles { get; } =
    [
        "", " ", "0", "07700", "0770090012", "077009001234", "020 7946 0000", "+44 20 7946 0000", "01632 960000",
        "+1 202 555 0143", "+33 6 12 34 56 78", "0800 123 4567", "09098 790000", "07700-900-12a", "seven seven",
        "+44 7700 900123 ext 2", "447700900123456789", "+++447700900123", "07700 900123; DROP TABLE Parents",
        "<script>alert(1)</script>", "\u0660\u0667\u0667\u0660\u0660\u0669\u0660\u0660\u0661\u0662\u0663", "07700\u0000900123",
    ];

    /// <summary>A valid value as offices' spreadsheets export it: it must be cleaned and accepted, as GOV.UK Notify does.</summary>
    public static IReadOnlyList<string> Pasted(string valid)
    {
        ArgumentNullException.ThrowIfNull(valid);
        return
        [
            "\u200B" + valid + "\uFEFF \r\n",
            "\uFEFF" + valid,
            valid.Replace(' ', '\u00A0') + "\u200D",
            "\u2060" + valid.Replace(' ', '\t') + "\r\n",
            " \u202F" + valid.Replace(" ", " \t ", StringComparison.Ordinal) + "\n",
        ];
    }

    public static IReadOnlyList<string> Postcodes { get; } =
    [
        "", " ", "SW9", "ZZ1 1ZZ", "SW9 9TNN", "9TN SW9", "SW9-9TN", "Q1 1AA", "AAA AAA", "12345",
        "SW9 9T", "BFPO 999", "SW9 9TN; --", "<b>SW9</b>", "\u0405W9 9TN", new string('A', 300),
    ];

    public static IReadOnlyList<string> Instants { get; } =
    [
        "", "tomorrow", "2031-06-03", "2031-06-03T10:30:00", "2031-06-03 10:30", "2031-02-30T10:00:00Z",
        "2031-13-01T10:00:00Z", "2031-06-03T25:00:00Z", "2031-06-03T10:61:00Z", "2031-06-03T10:30:00+25:00",
        "03/06/2031 10:30", "1780000000", "0001-01-01T00:00:00Z", "2000-01-01T00:00:00Z", "2031-06-03T10:30:00Zjunk",
        "2031-06-03T10:30:00+01:00'; --", "\u0662\u0660\u0663\u0661-06-03T10:30:00Z", "2031-06-03T10:30:00.12345678901Z",

        // Valid but extreme: the edges of what DateTimeOffset holds, with the widest offsets either side of midnight.
        "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.9999999+14:00", "9999-12-31T23:59:59-12:00", "9999-12-31T00:00:00+14:00",
        "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-12:00", "0001-01-01T23:59:59-12:00", "10000-01-01T00:00:00Z",
        "+010000-01-01T00:00:00Z", "2019-12-31T23:59:59-12:00",
    ];

    public static IReadOnlyList<string> Dates { get; } =
    [
        "tomorrow", "2031-02-30", "2031-13-01", "31-12-2031", "2031-6-3", "20310603", "2031-06-03T00:00:00Z",
        "0000-01-01", "99999-01-01", "2031-06-03%27", "..", "2031-06-03%2F..%2F..", "\u0662\u0660\u0663\u0661-06-03",

        // Valid but extreme: refused by the date range, never overflowing into a 500.
        "0001-01-01", "0001-01-02", "9999-12-31", "9999-12-30", "10000-01-01", "2019-12-31", "2199-01-01",
    ];

    public static IReadOnlyList<string> Ids { get; } =
    [
        "does-not-exist", "x", new string('a', 600), "..", "%2E%2E", "a%2Fb", "a%5Cb", "a%23b", "a%3Fb", "%20",
        "'%20or%201%20eq%201", "PartitionKey%20eq%20''", "%3Cscript%3E", "%E2%80%AE", "%F0%9F%98%80", "%C0%AF", "%FF%FE",
        "null", "undefined", "0", "-1", "%7B%7D", "%5B%5D", "a%0Ab", "a%09b", "%25", "%25%25%25", "CON", "%E2%80%8B",
    ];

    /// <summary>Odd Unicode and injection strings: a field may accept them as text, but nothing may fail.</summary>
    public static IReadOnlyList<string> OddStrings { get; } =
    [
        "'; DROP TABLE Parents; --", "\" OR 1=1 --", "PartitionKey ne ''", "<script>alert(1)</script>", "{{7*7}}", "${7*7}",
        "../../etc/passwd", "%00", "\u0000", "\u202eevil", "\u200b\u200b", "\ufeff", "Zo\u00eb \ud83d\ude00", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67",
        "\u0628\u0633\u0645", "\u4e2d\u6587", "e\u0301\u0301\u0301\u0301", new string('x', 5000), "\r\n\r\nHTTP/1.1 200 OK", "=cmd|' /C calc'!A0",
        "@SUM(1+1)", "\\", "\t", "  ", "\u00a0", "NaN", "null", "true", "-0", "1e309",
    ];

    public static IReadOnlyList<string> MalformedJson { get; } =
    [
        "{", "}", "[", "{\"a\":}", "{'firstName':'x'}", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":NaN}", "{\"a\":Infinity}",
        "// comment\n{}", "/* c */{}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":+1}",
        "\"just a string\"", "42", "true", "null", "[]", "[{}]", "{}{}", "{\"a\":1}}", "\u0000", "\ufeff\ufeff{}", "<xml/>",
        "a=1&b=2", "{\"a\":\"unterminated}", "{\"a\":tru}", "{\"a\":[1,2}", "{\"a\":{\"b\":{\"c\":", new string('[', 2000),
    ];
}
