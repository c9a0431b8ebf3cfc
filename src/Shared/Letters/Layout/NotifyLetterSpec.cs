namespace Pilot.Shared.Letters.Layout;

/// <summary>
/// GOV.UK Notify's precompiled-letter rules, in millimetres from the page's top-left corner. The
/// numbers are the ones Notify's own validator checks PDFs against (alphagov/notifications-template-preview,
/// <c>app/precompiled.py</c>: <c>BORDER_*</c>, <c>ADDRESS_*</c>, <c>SERVICE_ADDRESS_*</c>, <c>BODY_TOP_FROM_TOP_OF_PAGE</c>)
/// and its published letter specification (A4 portrait, at most 10 pages, at most 2 MB).
/// </summary>
public static class NotifyLetterSpec
{
    public const double PageWidth = 210.0;
    public const double PageHeight = 297.0;
    public const int MaxPages = 10;
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>Printing stops 15 mm from the left and right edges and 5 mm from the top and bottom:
    /// Notify rejects a letter with content outside ("content outside the printable area").</summary>
    public static LetterBox PrintableArea { get; } = LetterBox.FromEdges(15.0, 5.0, PageWidth - 15.0, PageHeight - 5.0);

    /// <summary>The recipient's address, seen through the window of Notify's C5 envelope (page 1 only):
    /// the address must lie inside it and nothing else may.</summary>
    public static LetterBox AddressBlock { get; } = LetterBox.FromEdges(24.6, 39.5, 120.0, 66.3);

    /// <summary>Where the sender's (the office's) address and the date go on page 1, right of the window.</summary>
    public static LetterBox ServiceAddressBlock { get; } = LetterBox.FromEdges(125.0, 5.0, PageWidth - 15.0, 95.0);

    /// <summary>The body of page 1 starts below the address area.</summary>
    public const double BodyTopPageOne = 95.0;

    public const double PointsPerMillimetre = 72.0 / 25.4;
}
