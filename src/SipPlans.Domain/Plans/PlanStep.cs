namespace Samverkan.SipPlans.Domain.Plans;

// The steps of the process, each allowed only in some states (PlanTransitions).
public enum PlanStep
{
    RecordConsent,
    WithdrawConsent,
    StartPreparation,
    AddParticipant,
    RemoveParticipant,
    SendInvitations,
    UpdateContent,
    RecordMeeting,
    Agree,
    Sign,
    ScheduleFollowUp,
    RecordFollowUp,
    Close,
}

// Which step may follow which state. A step outside its states is FAILED_PRECONDITION naming both.
public static class PlanTransitions
{
    private static readonly PlanState[] Open = Enum.GetValues<PlanState>().Where(s => s != PlanState.Closed).ToArray();

    private static readonly PlanState[] Shared =
        [PlanState.ConsentRecorded, PlanState.Preparing, PlanState.InvitationDue, PlanState.InvitationsSent,
         PlanState.MeetingHeld, PlanState.Agreed, PlanState.FollowingUp];

    public static IReadOnlyList<PlanState> AllowedIn(PlanStep step) => step switch
    {
        PlanStep.RecordConsent or PlanStep.WithdrawConsent or PlanStep.Close => Open,
        PlanStep.StartPreparation => [PlanState.ConsentRecorded],
        PlanStep.AddParticipant or PlanStep.RemoveParticipant =>
            [PlanState.ConsentRecorded, PlanState.Preparing, PlanState.InvitationDue, PlanState.InvitationsSent,
             PlanState.MeetingHeld, PlanState.Agreed, PlanState.FollowingUp],
        PlanStep.SendInvitations => [PlanState.Preparing, PlanState.InvitationDue],
        PlanStep.UpdateContent => Shared,
        PlanStep.RecordMeeting => [PlanState.InvitationsSent],
        PlanStep.Agree => [PlanState.MeetingHeld, PlanState.Agreed, PlanState.FollowingUp],
        PlanStep.Sign => [PlanState.Agreed, PlanState.FollowingUp],
        PlanStep.ScheduleFollowUp or PlanStep.RecordFollowUp => [PlanState.Agreed, PlanState.FollowingUp],
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    public static void Ensure(PlanStep step, PlanState state)
    {
        var allowed = AllowedIn(step);
        if (!allowed.Contains(state))
        {
            throw RuleViolation.State(
                $"{step} is not allowed while the plan is {state}; it is allowed in: {string.Join(", ", allowed)}.",
                new PreconditionSubject("PLAN_STATE", state.ToString()));
        }
    }
}
