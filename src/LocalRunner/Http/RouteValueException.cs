namespace Pilot.LocalRunner.Http;

/// <summary>A route value that cannot be converted to its parameter's type: the caller's mistake, answered with 400.</summary>
internal sealed class RouteValueException : Exception
{
    public RouteValueException()
    {
    }

    public RouteValueException(string message)
        : base(message)
    {
    }

    public RouteValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RouteValueException(string parameter, string value, Type type, Exception innerException)
        : base($"'{value}' is not a valid {type.Name} for route parameter '{parameter}'.", innerException) => Parameter = parameter;

    public string Parameter { get; } = "";
}
