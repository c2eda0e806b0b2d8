namespace Samverkan.DischargeNotices.Domain.Cases;

// How a stay ends besides the planned discharge (RegisterDischarge), and the move to another
// inpatient unit, which does not end it.
public sealed partial class DischargeCase
{
    // The patient died, left against medical advice, or was moved to another region's inpatient
    // care. Needs no readiness notice and no consent (like the discharge, it only tells the
    // recipients the stay is over). Closes the case: deadlines still open are cancelled, payment
    // stops at the end of the stay, and the patient may get a new admission notice.
    public StayEnded EndStay(StayEndKind kind, DateTimeOffset endedAt, EventContext context, TelephoneNotice? telephone = null)
    {
        if (EndOfStay is { } closed)
        {
            throw CaseRuleViolation.Duplicate($"The stay already ended (event {closed.Sequence}, {closed.OccurredAt:u}).");
        }
        if (!Enum.IsDefined(kind))
        {
            throw CaseRuleViolation.Invalid("end_kind", "Name how the stay ended (died, left against medical advice, moved to another region).");
        }
        context.EnsureNotInFuture(endedAt, "ended_at");
        EnsureInOrder(endedAt, "ended_at");
        ValidateTelephone(telephone, endedAt, "ended_at", context);

        return Append(new StayEnded
        {
            Sequence = NextSequence,
            OccurredAt = endedAt,
            RecordedAt = context.Now,
            Actor = context.Actor,
            Addressees = RecipientUnitIds(),
            EndKind = kind,
            Telephone = telephone,
        });
    }

    // The patient moved to another inpatient unit of the region: the case continues, the new unit
    // becomes the sender (and is told, with the recipients). A readiness notice in force stays in
    // force. The move to another region's care is EndStay(MovedToOtherRegion) instead.
    public InpatientUnitChanged TransferToInpatientUnit(string newUnitId, string newUnitOrganisation, DateTimeOffset transferredAt,
        EventContext context, TelephoneNotice? telephone = null)
    {
        EnsureOpen();
        if (newUnitOrganisation != SendingOrganisation)
        {
            throw CaseRuleViolation.Invalid("new_sending_unit",
                $"The new unit belongs to organisation {newUnitOrganisation}, not to {SendingOrganisation}: a move to another region's care ends the stay here (EndStay, STAY_END_KIND_MOVED_TO_OTHER_REGION).");
        }
        if (newUnitId == SendingUnitId)
        {
            throw CaseRuleViolation.Duplicate($"Unit {newUnitId} already sends this case's notices.");
        }
        context.EnsureNotInFuture(transferredAt, "transferred_at");
        EnsureInOrder(transferredAt, "transferred_at");
        ValidateTelephone(telephone, transferredAt, "transferred_at", context);
        RequireConsent(ConsentScope.SendNotices, context);

        return Append(new InpatientUnitChanged
        {
            Sequence = NextSequence,
            OccurredAt = transferredAt,
            RecordedAt = context.Now,
            Actor = context.Actor,
            Addressees = RecipientUnitIds().Append(newUnitId).ToList(),
            PreviousUnitId = SendingUnitId,
            NewUnitId = newUnitId,
            Telephone = telephone,
        });
    }
}
