using System.Globalization;

namespace Pilot.Shared.Postcodes;

/// <summary>
/// Places a UK postcode at the centroid of its sector, or of its district when the sector is
/// unknown. The centroids ship inside the assembly (ONS Postcode Lookup, OGL v3.0: see NOTICE),
/// so lookups need no network or storage.
/// </summary>
public sealed class PostcodeDirectory
{
    private const string SectorsResource = "Pilot.Shared.Postcodes.Data.uk-postcode-sectors.csv";
    private const string DistrictsResource = "Pilot.Shared.Postcodes.Data.uk-outcodes.csv";

    // Lazy<T> defaults to ExecutionAndPublication: the ~15k rows load once, on first use, whichever thread asks.
    private static readonly Lazy<PostcodeDirectory> LazyDefault = new(LoadEmbedded);

    private readonly Dictionary<string, GeoPoint> _sectors;
    private readonly Dictionary<string, GeoPoint> _districts;

    private PostcodeDirectory(Dictionary<string, GeoPoint> sectors, Dictionary<string, GeoPoint> districts)
    {
        _sectors = sectors;
        _districts = districts;
    }

    /// <summary>The directory built from the embedded sector and district centroids.</summary>
    public static PostcodeDirectory Default => LazyDefault.Value;

    public int SectorCount => _sectors.Count;

    public int DistrictCount => _districts.Count;

    /// <summary>
    /// Resolves a full postcode. A malformed one gets <see cref="UkPostcode.InvalidMessage"/>;
    /// a well-formed one whose sector and district are both unknown gets "postcode XX9 9XX was not found".
    /// </summary>
    public bool TryResolve(string? input, out PostcodeLocation? location, out string? error)
    {
        location = null;
        if (!UkPostcode.TryNormalise(input, out var postcode, out error))
        {
            return false;
        }

        if (_sectors.TryGetValue(UkPostcode.Sector(postcode), out var point))
        {
            location = new PostcodeLocation(postcode, point, PostcodePrecision.Sector);
            return true;
        }

        if (_districts.TryGetValue(UkPostcode.Outward(postcode), out point))
        {
            location = new PostcodeLocation(postcode, point, PostcodePrecision.District);
            return true;
        }

        error = $"postcode {postcode} was not found";
        return false;
    }

    /// <summary>Builds a directory from CSV text in the shipped layout: a header, then <c>key,latitude,longitude,postcodes</c>.</summary>
    internal static PostcodeDirectory Load(TextReader sectors, TextReader districts) =>
        new(ReadCentroids(sectors), ReadCentroids(districts));

    private static PostcodeDirectory LoadEmbedded()
    {
        using var sectors = OpenResource(SectorsResource);
        using var districts = OpenResource(DistrictsResource);
        return Load(sectors, districts);
    }

    private static StreamReader OpenResource(string name)
    {
        var stream = typeof(PostcodeDirectory).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from {typeof(PostcodeDirectory).Assembly.GetName().Name}.");
        return new StreamReader(stream);
    }

    private static Dictionary<string, GeoPoint> ReadCentroids(TextReader reader)
    {
        var centroids = new Dictionary<string, GeoPoint>(capacity: 16_384, StringComparer.Ordinal);
        _ = reader.ReadLine(); // header
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length < 3
                || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
                || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
            {
                // The data ships inside the assembly, so a bad row is a build mistake, not user input.
                throw new InvalidDataException($"Postcode centroid line {lineNumber} is malformed: '{line}'.");
            }

            centroids[fields[0]] = new GeoPoint(latitude, longitude);
        }

        centroids.TrimExcess();
        return centroids;
    }
}
