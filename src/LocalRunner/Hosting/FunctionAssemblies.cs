using System.Reflection;

namespace Pilot.LocalRunner.Hosting;

/// <summary>The assemblies scanned for <c>[Function]</c> methods, carried from CreateBuilder to Build.</summary>
internal sealed record FunctionAssemblies(IReadOnlyList<Assembly> Assemblies);
