namespace Samverkan.DischargeNotices.Domain.Cases;

// How far ahead a date stated by the sender may lie. An estimate further ahead is a typing error
// (9999-12-31), not a plan: refusing it keeps lists, sorting and follow-up meaningful.
public static class DateHorizon
{
    // beräknad utskrivningsdag: at most this many days after the Swedish date of the notice or
    // change. A year covers the longest planned somatic and psychiatric stays; a longer stay moves
    // its estimate forward with ChangeEstimatedDischargeDate as it goes.
    public const int EstimatedDischargeDays = 365;
}
