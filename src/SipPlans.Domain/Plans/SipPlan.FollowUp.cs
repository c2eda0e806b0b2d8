namespace Samverkan.SipPlans.Domain.Plans;

// Följ upp and Avsluta.
public sealed partial class SipPlan
{
    public FollowUpScheduled ScheduleFollowUp(DateOnly date, StepContext context)
    {
        PlanTransitions.Ensure(PlanStep.ScheduleFollowUp, State);
        if (date <= context.Today || date > context.Today.AddDays(PlanLimits.MaxFollowUpDaysAhead))
        {
            throw RuleViolation.Invalid("date", $"date must be after today and within {PlanLimits.MaxFollowUpDaysAhead} days.");
        }
        if (_scheduledFollowUps.Contains(date)) throw RuleViolation.Duplicate($"A follow-up is already scheduled for {date:yyyy-MM-dd}.");
        return Append(new FollowUpScheduled { Sequence = NextSequence, OccurredAt = context.Now, RecordedAt = context.Now, Actor = context.Actor, Date = date });
    }

    // Records the earliest scheduled follow-up: an outcome for every intervention of the current
    // version (not done needs a reason), new goals, and optionally the next follow-up date.
    public FollowUpRecorded RecordFollowUp(DateTimeOffset heldAt, IReadOnlyList<InterventionOutcome> outcomes, IReadOnlyList<Goal> newGoals,
        DateOnly? nextFollowUpDate, StepContext context)
    {
        PlanTransitions.Ensure(PlanStep.RecordFollowUp, State);
        RequireConsentInForce(context);
        var version = CurrentVersion!;
        if (_scheduledFollowUps.Count == 0)
        {
            throw RuleViolation.State("No follow-up is scheduled; schedule one (ScheduleFollowUp) first.", new PreconditionSubject("FOLLOW_UP", "NONE_SCHEDULED"));
        }
        context.EnsurePlausiblePast(heldAt, version.AgreedAt, "held_at");
        TextInput.Count(outcomes, "outcomes", PlanLimits.MaxItems);
        var interventionIds = version.Content.Interventions.Select(i => i.Id).ToHashSet();
        var unknown = outcomes.FirstOrDefault(o => !interventionIds.Contains(o.InterventionId));
        if (unknown is not null)
        {
            throw RuleViolation.Invalid("outcomes.intervention_id", $"outcomes names intervention {TextInput.EchoedId(unknown.InterventionId)}, which is not in version {version.Number}.");
        }
        TextInput.UniqueIds(outcomes.Select(o => o.InterventionId), "outcomes.intervention_id");
        var without = interventionIds.Where(id => outcomes.All(o => o.InterventionId != id)).Order(StringComparer.Ordinal).ToList();
        if (without.Count > 0)
        {
            throw RuleViolation.Invalid("outcomes", $"Every intervention of version {version.Number} needs an outcome; missing: {string.Join(", ", without)}.");
        }
        var validOutcomes = outcomes.Select(o => o with
        {
            Reason = o.Status == OutcomeStatus.NotDone
                ? TextInput.Required(o.Reason, "outcomes.reason", PlanLimits.ShortTextLength)
                : TextInput.Optional(o.Reason, "outcomes.reason", PlanLimits.ShortTextLength),
        }).ToList();
        var goals = PlanContentInput.ValidGoals(newGoals, "new_goals");
        var clash = goals.FirstOrDefault(g => Draft.Goals.Any(existing => existing.Id == g.Id));
        if (clash is not null) throw RuleViolation.Invalid("new_goals.id", $"Goal id {TextInput.EchoedId(clash.Id)} is already used in the plan.");
        if (nextFollowUpDate is { } next && (next <= context.Today || next > context.Today.AddDays(PlanLimits.MaxFollowUpDaysAhead)))
        {
            throw RuleViolation.Invalid("next_follow_up_date", $"next_follow_up_date must be after today and within {PlanLimits.MaxFollowUpDaysAhead} days.");
        }

        return Append(new FollowUpRecorded
        {
            Sequence = NextSequence, OccurredAt = heldAt, RecordedAt = context.Now, Actor = context.Actor,
            FollowUp = new FollowUpRecord(_scheduledFollowUps.Min, heldAt, version.Number, validOutcomes, goals, nextFollowUpDate),
        });
    }

    // Avsluta. Completed only after a follow-up; declined and no-longer-needed only before the plan
    // is agreed; death and moving away end a plan in any state. Open deadlines and scheduled
    // follow-ups are cancelled, not breached. Consent withdrawal closes through WithdrawConsent.
    public PlanClosed Close(ClosureReason reason, DateTimeOffset closedAt, StepContext context)
    {
        PlanTransitions.Ensure(PlanStep.Close, State);
        var allowed = reason switch
        {
            ClosureReason.Completed => State == PlanState.FollowingUp,
            ClosureReason.Declined or ClosureReason.NoLongerNeeded => State < PlanState.MeetingHeld,
            ClosureReason.Died or ClosureReason.MovedAway => true,
            ClosureReason.ConsentWithdrawn => false,
            _ => throw RuleViolation.Invalid("reason", "reason is not specified."),
        };
        if (!allowed)
        {
            var hint = reason switch
            {
                ClosureReason.Completed => "a plan is completed after at least one follow-up",
                ClosureReason.ConsentWithdrawn => "record the withdrawal with WithdrawConsent; the plan closes when no consent remains",
                _ => "once the SIP meeting is held the plan ends as completed, or by death, moving away or withdrawn consent",
            };
            throw RuleViolation.State($"A plan that is {State} cannot be closed as {reason}: {hint}.", new PreconditionSubject("PLAN_STATE", State.ToString()));
        }
        context.EnsurePlausiblePast(closedAt, CreatedAt - PlanLimits.MaxPastRecord, "closed_at");
        return Append(new PlanClosed { Sequence = NextSequence, OccurredAt = closedAt, RecordedAt = context.Now, Actor = context.Actor, Reason = reason });
    }

    // Steps past their time: the discharge invitation deadline, and follow-ups whose date has passed.
    // Each is visible to the organisation that must act.
    public IReadOnlyList<OverdueStep> OverdueSteps(DateTimeOffset now, DateOnly today)
    {
        var overdue = new List<OverdueStep>();
        if (!IsOpen) return overdue;
        if (InvitationDeadline is { } deadline && deadline.IsOverdueAt(now))
        {
            overdue.Add(new OverdueStep(OverdueKind.Invitation, DateOnly.FromDateTime(deadline.DueAt.UtcDateTime), deadline.DueAt,
                deadline.ResponsibleOrganisation, deadline.ResponsibleUnit));
        }
        foreach (var date in _scheduledFollowUps.Where(d => d < today))
        {
            overdue.Add(new OverdueStep(OverdueKind.FollowUp, date, null, ResponsibleOrganisation, null));
        }
        return overdue;
    }
}

public enum OverdueKind
{
    Invitation,     // kallelse to SIP within 3 days of the readiness notice (Lag 2017:612)
    FollowUp,       // a scheduled uppföljning not recorded by its date
}

public sealed record OverdueStep(OverdueKind Kind, DateOnly DueDate, DateTimeOffset? DueAt, string ResponsibleOrganisation, string? ResponsibleUnit);
