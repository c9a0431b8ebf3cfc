using System.Text.RegularExpressions;

namespace Pilot.Shared.Letters;

/// <summary>A letter's reference names its blobs and files and goes to Notify, so it is kept to a safe alphabet.</summary>
public static partial class LetterReference
{
    public static bool IsValid(string? reference) => reference is not null && Safe().IsMatch(reference);

    public static void Check(string reference)
    {
        if (!IsValid(reference))
        {
            throw new ArgumentException("A letter reference is 1-100 letters, digits, '-', '_' or '.', starting with a letter or digit.", nameof(reference));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex Safe();
}
