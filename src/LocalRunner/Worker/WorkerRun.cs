namespace Pilot.LocalRunner.Worker;

/// <summary>A worker process that finished its start-up: connected, initialised, its functions loaded.</summary>
/// <param name="HttpUri">Where the worker's ASP.NET Core integration takes the forwarded HTTP requests (its HttpUri capability).</param>
internal sealed record WorkerRun(WorkerProcess Process, WorkerConnection Connection, IReadOnlyDictionary<string, WorkerFunction> Functions, string? HttpUri, TimeSpan StartedIn);
