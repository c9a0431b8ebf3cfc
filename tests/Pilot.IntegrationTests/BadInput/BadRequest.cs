namespace Pilot.IntegrationTests.BadInput;

public enum Expect
{
    /// <summary>Any answer below 500; a 4xx must be problem+json (odd but possibly acceptable input).</summary>
    NoFailure,

    /// <summary>A 4xx problem+json.</summary>
    Rejected,

    /// <summary>A 400 problem+json whose errors name <see cref="BadRequest.Field"/>.</summary>
    RejectedNamingField,
}

/// <summary>One generated bad request and what the answer must be.</summary>
public sealed record BadRequest(string Kind, HttpMethod Method, string PathAndQuery, byte[]? Body, string? ContentType, Expect Expect, string? Field = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public override string ToString() => $"{Kind}: {Method} {PathAndQuery}{(Field is null ? "" : $" [{Field}]")}";
}
