namespace Pilot.Shared.Parents.OwnPage;

/// <summary>Settings under <c>ParentPage:</c>.</summary>
public sealed class ParentPageOptions
{
    public const string Section = "ParentPage";

    /// <summary>How many days a parent's link (<c>/api/p/{token}</c>) works after it was sent: 1 to 90.</summary>
    public int LinkLifetimeDays { get; set; } = 14;
}
