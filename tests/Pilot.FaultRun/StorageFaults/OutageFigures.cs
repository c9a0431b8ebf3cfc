namespace Pilot.FaultRun.StorageFaults;

/// <summary>
/// What the run saw of the storage outage: the app's HTTP answers during it (each should be 503 with
/// <c>Retry-After</c>), and how long after it ended the texts due by then took to settle (null: they never did).
/// </summary>
public sealed record OutageFigures(TimeSpan Length, IReadOnlyDictionary<string, int> HttpAnswers, TimeSpan? BacklogDrained)
{
    /// <summary>The probe's answer key for a 503 that carried <c>Retry-After</c>.</summary>
    public const string Busy = "503 with Retry-After";

    public int WrongAnswers => HttpAnswers.Where(a => a.Key != Busy).Sum(a => a.Value);
}
