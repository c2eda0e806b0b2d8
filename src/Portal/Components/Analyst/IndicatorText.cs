using System.Globalization;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.Contracts.Sip.V1;
using Common = Samverkan.Contracts.Common.V1;

namespace Samverkan.Portal.Components.Analyst;

// How published figures read in Swedish: a suppressed count is "<5" (the service's threshold), a
// share that would disclose a suppressed count is "dold", nothing to compute from is "–".
public static class IndicatorText
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static string Count(Common.PublishedCount? count, int threshold) =>
        count is null ? "–" : count.Suppressed ? "<" + threshold : count.Value.ToString("N0", Swedish);

    public static ChartBar CountBar(string label, Common.PublishedCount? count, int threshold) =>
        new(label, count is { Suppressed: false } c ? c.Value : null, Count(count, threshold));

    public static ChartBar ShareBar(string label, DeadlineIndicator? deadline, int threshold) => deadline switch
    {
        null => new(label, null, "–"),
        { HasMetPercent: true } d => new(label, d.MetPercent, d.MetPercent.ToString("0.#", Swedish) + " %"),
        { Decided.Suppressed: true } => new(label, null, $"<{threshold} avgjorda"),
        { Decided.Value: 0 } => new(label, null, "inga avgjorda"),
        _ => new(label, null, "dold"),
    };

    public static ChartBar MedianBar(string label, ReadyDayIndicator? ready, int threshold) => ready switch
    {
        { HasMedianDays: true } r => new(label, r.MedianDays, r.MedianDays.ToString("0.#", Swedish) + " dagar"),
        { Cases.Suppressed: true } => new(label, null, $"<{threshold} ärenden"),
        _ => new(label, null, "inga ärenden"),
    };

    public static string Band(ReadyDayBand band) => band switch
    {
        ReadyDayBand.UpToThreeDays => "0–3 dagar",
        ReadyDayBand.FourToSevenDays => "4–7 dagar",
        ReadyDayBand.EightToFourteenDays => "8–14 dagar",
        ReadyDayBand.FifteenDaysOrMore => "15 dagar eller fler",
        _ => "Okänt",
    };

    public static string Of(PlanState state) => state switch
    {
        PlanState.NeedIdentified => "Behov upptäckt",
        PlanState.InvitationDue => "Kallelse ska skickas",
        PlanState.ConsentRecorded => "Samtycke finns",
        PlanState.Preparing => "Förbereds",
        PlanState.InvitationsSent => "Kallad",
        PlanState.MeetingHeld => "Möte hållet",
        PlanState.Agreed => "Överenskommen",
        PlanState.FollowingUp => "Följs upp",
        PlanState.Closed => "Avslutad",
        _ => "Okänt läge",
    };

    public static string Month(int year, int month) =>
        Swedish.DateTimeFormat.GetMonthName(month) + " " + year;
}
