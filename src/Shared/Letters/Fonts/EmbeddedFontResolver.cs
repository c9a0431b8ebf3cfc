using PdfSharp.Fonts;

namespace Pilot.Shared.Letters.Fonts;

/// <summary>
/// Gives PDFsharp the DejaVu Sans faces embedded in this assembly, whatever family it asks for: the
/// Functions host on Linux has no system fonts, and a letter must look the same everywhere.
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly Lazy<byte[]> Regular = new(() => Load(RegularFace));
    private static readonly Lazy<byte[]> Bold = new(() => Load(BoldFace));
    private static readonly object InstallLock = new();

    private EmbeddedFontResolver()
    {
    }

    public static EmbeddedFontResolver Instance { get; } = new();

    /// <summary>
    /// Makes this the process's font resolver. PDFsharp allows one resolver, set before the first font
    /// is used; every renderer and checker calls this first, so the order they run in does not matter.
    /// </summary>
    public static void Install()
    {
        lock (InstallLock)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    // Italic is never used in letters (hard to read for many parents); asked for, it is simulated.
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => Regular.Value,
        BoldFace => Bold.Value,
        _ => null,
    };

    private static byte[] Load(string face)
    {
        var name = $"Pilot.Shared.Letters.Fonts.{face}.ttf";
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing from {typeof(EmbeddedFontResolver).Assembly.GetName().Name}.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
