using Microsoft.Extensions.DependencyInjection;
using Pilot.Shared.Hosting;

namespace Pilot.LocalRunner.Hosting;

/// <summary>
/// The services whose registered implementation is an <see cref="IEmbeddedDefault"/>: registered as
/// <see cref="IEmbeddedDefault"/> itself, or under their own interface (e.g. the outbox as the SMS
/// gateway). A factory registration is found only if it is also registered as <see cref="IEmbeddedDefault"/>.
/// </summary>
internal sealed record EmbeddedDefaultServices(IReadOnlyList<Type> ServiceTypes)
{
    public static EmbeddedDefaultServices Find(IServiceCollection services) => new(services
        .Where(d => !d.IsKeyedService && !d.ServiceType.IsGenericTypeDefinition)
        .Where(d => d.ServiceType == typeof(IEmbeddedDefault)
            || typeof(IEmbeddedDefault).IsAssignableFrom(d.ImplementationType ?? d.ImplementationInstance?.GetType()))
        .Select(d => d.ServiceType)
        .Distinct()
        .ToList());

    /// <summary>Resolves them, once each even when registered under several service types.</summary>
    public IReadOnlyList<IEmbeddedDefault> Resolve(IServiceProvider services, Action<Type, Exception> unresolvable)
    {
        var found = new List<IEmbeddedDefault>();
        foreach (var serviceType in ServiceTypes)
        {
            try
            {
                found.AddRange(services.GetServices(serviceType).OfType<IEmbeddedDefault>());
            }
            catch (InvalidOperationException ex)
            {
                unresolvable(serviceType, ex);
            }
        }

        return found.Distinct(ReferenceEqualityComparer.Instance).Cast<IEmbeddedDefault>()
            .DistinctBy(d => (d.GetType(), d.Name))
            .ToList();
    }
}
