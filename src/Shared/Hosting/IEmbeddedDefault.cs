namespace Pilot.Shared.Hosting;

/// <summary>
/// A built-in stand-in that is active because no real provider is configured (for example the
/// outbox SMS gateway). Hosts log every one at start so a demo is never mistaken for live texting.
/// </summary>
public interface IEmbeddedDefault
{
    string Name { get; }

    string Description { get; }
}
