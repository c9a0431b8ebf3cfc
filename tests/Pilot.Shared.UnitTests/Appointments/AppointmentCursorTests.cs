using Pilot.Shared.Appointments;

namespace Pilot.Shared.UnitTests.Appointments;

public sealed class AppointmentCursorTests
{
    [Fact]
    public void A_cursor_reads_back_as_written()
    {
        var cursor = AppointmentCursor.After(new AppointmentEntity { Id = "a1b2-c3.d4", StartsAt = new DateTimeOffset(2026, 12, 14, 10, 30, 0, TimeSpan.Zero) });

        Assert.Equal(cursor, AppointmentCursor.Parse(cursor.Text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".abc")]
    [InlineData("123")]
    [InlineData("123.")]
    [InlineData("-5.abc")]
    [InlineData("99999999999999999999.abc")]
    [InlineData("638000000000000000.a/b")]
    public void Anything_else_is_no_cursor(string text) => Assert.Null(AppointmentCursor.Parse(text));

    [Fact]
    public void Appointments_at_the_same_time_are_ordered_by_id_so_a_page_boundary_between_them_loses_none()
    {
        var at = new DateTimeOffset(2026, 12, 14, 10, 30, 0, TimeSpan.Zero);
        var a = new AppointmentEntity { Id = "a", StartsAt = at };
        var b = new AppointmentEntity { Id = "b", StartsAt = at };
        var later = new AppointmentEntity { Id = "0", StartsAt = at.AddMinutes(1) };

        Assert.True(AppointmentCursor.Compare(b, AppointmentCursor.After(a)) > 0);
        Assert.True(AppointmentCursor.Compare(a, AppointmentCursor.After(a)) == 0);
        Assert.True(AppointmentCursor.Compare(later, AppointmentCursor.After(b)) > 0);
    }
}
