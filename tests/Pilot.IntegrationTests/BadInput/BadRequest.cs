namespace Pilot.IntegrationTests.BadInput;

public enum Expect
{
    /// <summary>Any answer below 500; a 4xx must be problem+json (odd but possibly acceptable input).</summary>
    NoFailure,

    /// <summary>A 4xx problem+json.</summary>
    Rejected,

    /// <summary>A 400 problem+json whose errors name <see cref="BadRequest.Field"/>.</summary>
    RejectedNamingField,

    /// <summary>
    /// A 2xx: a value as a spreadsheet exports it (zero-width characters, a byte-order mark, tabs, non-breaking
    /// spaces, a trailing line break), which is cleaned and accepted. In a CSV batch every row's parent is
    /// registered (the row accepted, or refused with its <c>parentId</c> for the invitation alone) and no row is
    /// refused naming the pasted column.
    /// </summary>
    Accepted,
}

/// <summary>One generated bad request and what the answer must be.</summary>
public sealed record BadRequest(string Kind, HttpMethod Method, string PathAndQuery, byte[]? Body, string? ContentType, Expect Expect, string? Field = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public override string ToString() => $"{Kind}: {Method} {PathAndQuery}{(Field is null ? "" : $" [{Field}]")}";
}
