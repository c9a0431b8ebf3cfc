namespace Pilot.Functions.Http;

/// <summary>
/// Marks an anonymous HTTP function and says what authenticates its callers instead of a key (a
/// provider's signature, a parent's signed link), so no endpoint is open without a stated reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class PublicEndpointAttribute(string authenticatedBy) : Attribute
{
    public string AuthenticatedBy { get; } = authenticatedBy;
}
