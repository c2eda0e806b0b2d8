using Samverkan.Contracts.Common.V1;
using Samverkan.ServiceCore.Grpc;
using Proto = Samverkan.Contracts.Sip.V1;

namespace Samverkan.SipPlans.Grpc.Mapping;

// Reads requests into domain values, refusing malformed input with INVALID_ARGUMENT and the field
// name in the contract's spelling. Bounds and rules that need the plan live in the domain.
public static class RequestReader
{
    public static string PlanId(string? planId)
    {
        if (string.IsNullOrEmpty(planId) || planId.Length != 32 || !planId.All(char.IsAsciiHexDigitLower))
        {
            throw RuleViolation.Invalid("plan_id", "plan_id is not a plan id (32 lower-case hex digits, as returned by InitiatePlan).");
        }
        return planId;
    }

    public static string? UnitId(UnitRef? unit) => string.IsNullOrWhiteSpace(unit?.Id) ? null : unit.Id.Trim();

    public static string? OrganisationCode(OrganisationRef? organisation) =>
        string.IsNullOrWhiteSpace(organisation?.Code) ? null : organisation.Code.Trim();

    public static PlanPerson Person(Proto.Person? person, DateOnly today)
    {
        if (person is null) throw RuleViolation.Invalid("person", "person is required.");
        return new PlanPerson(ProtoIdentity.PersonalIdentityNumber(person.PersonalIdentityNumber, "person.personal_identity_number", today),
            person.GivenName, person.FamilyName, person.ProtectedIdentity);
    }

    public static PlanContent Content(Proto.PlanContent? content)
    {
        if (content is null) throw RuleViolation.Invalid("content", "content is required (the whole draft).");
        return new PlanContent
        {
            Interventions = content.Interventions.Select(i => new Intervention(i.InterventionId, i.Description,
                OrganisationCode(i.ResponsibleOrganisation) ?? "", UnitId(i.ResponsibleUnit))).ToList(),
            OtherMeasures = content.OtherMeasures.Select(m => new OtherMeasure(m.MeasureId,
                ProtoEnums.ToDomain(m.Actor, "content.other_measures.actor"), m.Description)).ToList(),
            NoOtherMeasures = content.NoOtherMeasures,
            OverallResponsibleOrganisation = OrganisationCode(content.OverallResponsibleOrganisation),
            Goals = Goals(content.Goals, "content.goals"),
            WhatMatters = content.WhatMatters,
            OwnActions = content.OwnActions,
            CurrentInterventionsAssessment = content.CurrentInterventionsAssessment,
            ContactPersons = content.ContactPersons.Select(c => new ContactPerson(OrganisationCode(c.Organisation) ?? "", c.Name,
                c.Title, c.Phone)).ToList(),
            FollowUpDate = content.FollowUpDate is null ? null : ProtoTime.Required(content.FollowUpDate, "content.follow_up_date"),
            Relatives = ProtoEnums.ToDomain(content.Relatives),
            ChildParticipation = content.ChildParticipation.Select(f => ProtoEnums.ToDomain(f, "content.child_participation")).ToList(),
        };
    }

    public static IReadOnlyList<Goal> Goals(IEnumerable<Proto.Goal> goals, string field) =>
        goals.Select(g => new Goal(g.GoalId, g.Text, ProtoEnums.ToDomain(g.Term, $"{field}.term"))).ToList();

    public static MeetingRecord Meeting(Proto.MeetingRecord? meeting)
    {
        if (meeting is null) throw RuleViolation.Invalid("meeting", "meeting is required.");
        return new MeetingRecord(
            ProtoTime.Required(meeting.HeldAt, "meeting.held_at"),
            meeting.Digital,
            meeting.IndividualPresent,
            meeting.AgendaCovered.Select(a => ProtoEnums.ToDomain(a, "meeting.agenda_covered")).ToList(),
            meeting.Decisions.Select(d => new Decision(d.Text, d.AlternativesConsidered.ToList())).ToList(),
            meeting.PersonsView);
    }

    public static IReadOnlyList<InterventionOutcome> Outcomes(IEnumerable<Proto.InterventionOutcome> outcomes) =>
        outcomes.Select(o => new InterventionOutcome(o.InterventionId, ProtoEnums.ToDomain(o.Status, "outcomes.status"),
            string.IsNullOrWhiteSpace(o.Reason) ? null : o.Reason)).ToList();

    public static IReadOnlyList<string> Organisations(IEnumerable<string> codes) =>
        codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList();
}
