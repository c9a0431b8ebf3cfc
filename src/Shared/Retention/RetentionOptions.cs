namespace Pilot.Shared.Retention;

/// <summary>Settings under <c>Retention:</c>: how long message bodies and replies are kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days a text's body and number, and a parent's reply, are kept (GOV.UK Notify keeps 7).</summary>
    public int Days { get; set; } = 7;

    /// <summary>NCRONTAB of the nightly purge; <c>%Retention:Schedule%</c>. Default 02:30 UTC.</summary>
    public string Schedule { get; set; } = "0 30 2 * * *";
}
