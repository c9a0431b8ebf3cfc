using System.Collections.Frozen;
using System.Text;

namespace Pilot.Shared.Pages;

/// <summary>
/// The GOV.UK Frontend files the pages use (its CSS, fonts and images, copied from the npm package into the
/// app's <c>govuk/</c> folder at build time) and Pilot's own small stylesheet, read once into memory. Only files
/// found there at start-up are served, so no path from a request reaches the disk.
/// The package's CSS points at <c>/assets/</c>; it is served pointing at <see cref="PagePaths.Assets"/> instead.
/// </summary>
public sealed class GovukAssets
{
    public const string Folder = "govuk";

    /// <summary>Fonts and images never change under a name, and the CSS link carries the package version: a year is safe.</summary>
    public const string CacheControl = "public, max-age=31536000, immutable";

    private static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".css"] = "text/css; charset=utf-8",
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".txt"] = "text/plain; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, GovukAsset> _files;

    public GovukAssets()
        : this(Path.Combine(AppContext.BaseDirectory, Folder))
    {
    }

    public GovukAssets(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        _files = (Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories) : [])
            .Where(f => Types.ContainsKey(Path.GetExtension(f)))
            .ToFrozenDictionary(
                f => Path.GetRelativePath(root, f).Replace('\\', '/'),
                f => new GovukAsset(Types[Path.GetExtension(f)], Read(f)),
                StringComparer.Ordinal);
    }

    public int Count => _files.Count;

    public GovukAsset? Find(string? path) => path is null ? null : _files.GetValueOrDefault(path);

    private static byte[] Read(string file)
        => Path.GetExtension(file).Equals(".css", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetBytes(File.ReadAllText(file).Replace("url(/assets/", $"url({PagePaths.Assets}assets/", StringComparison.Ordinal))
            : File.ReadAllBytes(file);
}

public sealed record GovukAsset(string ContentType, byte[] Content);
