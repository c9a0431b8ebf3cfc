namespace Pilot.Infra.Tests.Arm;

/// <summary>The test classes that read the compiled main.bicep share one build of it.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCompiledTemplate : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "compiled main.bicep";
}
