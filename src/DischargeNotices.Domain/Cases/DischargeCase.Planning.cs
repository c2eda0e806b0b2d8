namespace Samverkan.DischargeNotices.Domain.Cases;

// The receiving units' planning steps, and needs that change after the admission notice.
public sealed partial class DischargeCase
{
    // Planering påbörjad / redo att ta emot, by a current recipient unit. Told to the sending unit
    // and the other recipients. A step equal to the unit's latest one is a duplicate; going back
    // (ready → planning again, e.g. after a withdrawn readiness notice) is allowed.
    public PlanningStepRecorded RecordPlanningStep(string recipientUnitId, PlanningStep step, DateTimeOffset? occurredAt, EventContext context)
    {
        EnsureOpen();
        if (!Recipients.Any(r => r.UnitId == recipientUnitId))
        {
            throw CaseRuleViolation.Denied($"Unit {recipientUnitId} is not a recipient of this case; only recipients record planning steps.");
        }
        if (!Enum.IsDefined(step))
        {
            throw CaseRuleViolation.Invalid("step", "Name the planning step (planning started or ready to receive).");
        }
        if (PlanningStepOf(recipientUnitId) is { } latest && latest.Step == step)
        {
            throw CaseRuleViolation.Duplicate($"Unit {recipientUnitId} already recorded this step (event {latest.Sequence}).");
        }
        var at = occurredAt ?? context.Now;
        context.EnsureNotInFuture(at, "occurred_at");
        if (at < AdmittedAt)
        {
            throw CaseRuleViolation.Invalid("occurred_at", $"occurred_at is before the admission at {AdmittedAt:u}.");
        }
        RequireConsent(ConsentScope.SendNotices, context);

        return Append(new PlanningStepRecorded
        {
            Sequence = NextSequence,
            OccurredAt = at,
            RecordedAt = context.Now,
            Actor = context.Actor,
            Addressees = CurrentUnits.Where(u => u != recipientUnitId).ToList(),
            UnitId = recipientUnitId,
            Step = step,
        });
    }

    // Ändrade insatsbehov: the physician's new judgement of the needs after discharge, with the
    // recipients routed for them. Added units get the case with their own 24 hours from the
    // judgement; removed units are told and get no later notices.
    public NeedsChanged ChangeNeeds(IReadOnlyList<CareNeed> needs, IReadOnlyList<RecipientUnit> recipients, DateTimeOffset? judgedAt,
        EventContext context, TelephoneNotice? telephone = null)
    {
        EnsureOpen();
        if (needs.Count == 0 || needs.Any(n => !Enum.IsDefined(n)))
        {
            throw CaseRuleViolation.Invalid("needs", "Mark at least one need after discharge (social services, municipal health care or outpatient care).");
        }
        if (recipients.Count == 0)
        {
            throw CaseRuleViolation.Invalid("needs", "The needs route the notice to no recipient unit.");
        }
        var newNeeds = needs.Distinct().Order().ToList();
        var before = RecipientUnitIds();
        var after = recipients.Select(r => r.UnitId).ToList();
        if (newNeeds.SequenceEqual(Needs) && before.Order().SequenceEqual(after.Order()))
        {
            throw CaseRuleViolation.Duplicate("The needs and recipients are already these; nothing to send.");
        }
        var occurredAt = judgedAt ?? context.Now;
        context.EnsureNotInFuture(occurredAt, "needs_assessed_at");
        if (occurredAt < AdmittedAt)
        {
            throw CaseRuleViolation.Invalid("needs_assessed_at", $"needs_assessed_at is before the admission at {AdmittedAt:u}.");
        }
        ValidateTelephone(telephone, occurredAt, "needs_assessed_at", context);
        RequireConsent(ConsentScope.SendNotices, context);

        return Append(new NeedsChanged
        {
            Sequence = NextSequence,
            OccurredAt = occurredAt,
            RecordedAt = context.Now,
            Actor = context.Actor,
            Addressees = before.Concat(after).Distinct().ToList(),
            Needs = newNeeds,
            Recipients = recipients,
            AddedUnitIds = after.Except(before).ToList(),
            RemovedUnitIds = before.Except(after).ToList(),
            Telephone = telephone,
        });
    }
}
