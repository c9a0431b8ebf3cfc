namespace Pilot.LocalRunner.Tests.SampleFunctions;

public sealed record SampleItem(Guid ItemId, string DisplayName);
