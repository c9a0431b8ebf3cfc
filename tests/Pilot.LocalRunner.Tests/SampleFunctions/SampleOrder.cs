namespace Pilot.LocalRunner.Tests.SampleFunctions;

public sealed record SampleOrder(string Id, int Quantity);
