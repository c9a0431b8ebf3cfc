namespace Pilot.Shared.Letters;

/// <summary>Settings under <c>Letters:</c>.</summary>
public sealed class LetterOptions
{
    public const string Section = "Letters";

    /// <summary>The Blob container that keeps every letter and the print batches.</summary>
    public string Container { get; set; } = "letters";

    /// <summary>Notify's postage for precompiled letters: <c>first</c>, <c>second</c> or <c>economy</c>.</summary>
    public string Postage { get; set; } = "second";

    /// <summary>When set (the local runner), each print-batch letter is also written to
    /// <c>{PrintBatchFolder}/{yyyy-MM-dd}/{reference}.pdf</c> on disk.</summary>
    public string PrintBatchFolder { get; set; } = "";

    public static readonly IReadOnlyList<string> Postages = ["first", "second", "economy"];
}
