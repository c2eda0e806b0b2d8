using Samverkan.SharedKernel.Time;

namespace Samverkan.DischargeNotices.Tests.Support;

// Test times are written as Swedish wall-clock times, the way the worked examples are computed.
public static class Sweden
{
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, SwedishCalendar.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateOnly Day(int year, int month, int day) => new(year, month, day);
}
