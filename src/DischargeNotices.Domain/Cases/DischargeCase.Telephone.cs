namespace Samverkan.DischargeNotices.Domain.Cases;

// Notices given by telephone during an outage and recorded afterwards (TelephoneNotice).
public sealed partial class DischargeCase
{
    private const string TelephoneGivenAtField = "telephone_notice.given_at";

    // The call must lie between what it reports and now, within the recording delay, and not before
    // the case's previous notice from the sender (notices keep their order).
    private void ValidateTelephone(TelephoneNotice? telephone, DateTimeOffset reportedAt, string reportedField, EventContext context) =>
        ValidateTelephone(telephone, reportedAt, reportedField, context, SenderNotices());

    private static void ValidateTelephone(TelephoneNotice? telephone, DateTimeOffset reportedAt, string reportedField, EventContext context,
        IEnumerable<NoticeEvent> previousNotices)
    {
        if (telephone is null) return;
        context.EnsureNotInFuture(telephone.GivenAt, TelephoneGivenAtField);
        if (telephone.GivenAt < reportedAt)
        {
            throw CaseRuleViolation.Invalid(TelephoneGivenAtField,
                $"{TelephoneGivenAtField} is before {reportedField}: a notice cannot be given before the judgement or event it reports.");
        }
        if (context.Now - telephone.GivenAt > TelephoneNotice.MaxRecordingDelay)
        {
            throw CaseRuleViolation.Invalid(TelephoneGivenAtField,
                $"{TelephoneGivenAtField} is more than {TelephoneNotice.MaxRecordingDelay.TotalDays:0} days ago; record a telephone notice as soon as the outage is over.");
        }
        if (previousNotices.Select(n => (DateTimeOffset?)n.SentAt).Max() is { } previous && telephone.GivenAt < previous)
        {
            throw CaseRuleViolation.Invalid(TelephoneGivenAtField,
                $"{TelephoneGivenAtField} is before the case's previous notice was given ({previous:u}); notices keep their order.");
        }
    }

    // The notices the inpatient unit gives (the ones that can be given by telephone).
    private IEnumerable<NoticeEvent> SenderNotices() => Notices.Where(n => n is AdmissionNoticeSent or EstimatedDischargeDateChanged
        or ReadinessNotified or ReadinessWithdrawn or PatientDischarged or StayEnded or InpatientUnitChanged or NeedsChanged);
}
