using Pilot.Shared.Access;

namespace Pilot.Functions.Http;

/// <summary>
/// The roles an HTTP function admits, declared next to its trigger. Nothing is admitted by default:
/// every function with a keyed <c>[HttpTrigger]</c> carries this attribute (a test checks it), and the
/// gate refuses every other role with 403.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AdmitsAttribute(params Role[] roles) : Attribute
{
    public IReadOnlyList<Role> Roles { get; } = roles;
}
