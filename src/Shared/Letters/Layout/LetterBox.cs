namespace Pilot.Shared.Letters.Layout;

/// <summary>A rectangle on an A4 page in millimetres, measured from the page's top-left corner.</summary>
public readonly record struct LetterBox(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;

    public double Bottom => Top + Height;

    public static LetterBox FromEdges(double left, double top, double right, double bottom) =>
        new(left, top, right - left, bottom - top);

    /// <summary>True when <paramref name="inner"/> lies wholly inside this box (a hair of rounding allowed).</summary>
    public bool Contains(LetterBox inner) =>
        inner.Left >= Left - Tolerance && inner.Top >= Top - Tolerance
        && inner.Right <= Right + Tolerance && inner.Bottom <= Bottom + Tolerance;

    public bool Overlaps(LetterBox other) =>
        Left < other.Right - Tolerance && other.Left < Right - Tolerance
        && Top < other.Bottom - Tolerance && other.Top < Bottom - Tolerance;

    private const double Tolerance = 0.01;
}
