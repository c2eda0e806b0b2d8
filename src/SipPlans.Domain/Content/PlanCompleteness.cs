namespace Samverkan.SipPlans.Domain.Content;

// What must be in a plan before it can be agreed: the four points the law demands (interventions,
// the principal answering for each, others' measures, the overall responsible principal who takes
// part) and what the county guideline expects (the person's goals short and long term, what matters,
// how current interventions work, a contact person per organisation, the follow-up date, relatives'
// participation stated, a child's adapted participation, the meeting record with the agenda of
// Mötescirkeln, decisions with the alternatives considered and the person's own view).
public static class PlanCompleteness
{
    public static IReadOnlyList<MissingContent> Check(PlanContent content, MeetingRecord? meeting, IReadOnlyList<Participant> participants,
        PlanPerson person, DateOnly today)
    {
        var missing = new List<MissingContent>();
        void Require(bool ok, string field, string what)
        {
            if (!ok) missing.Add(new MissingContent(field, what));
        }

        var principals = participants.Where(p => p.IsPrincipal).Select(p => p.OrganisationCode!).ToHashSet();

        Require(content.Interventions.Count > 0, "content.interventions", "at least one intervention (insats)");
        foreach (var intervention in content.Interventions)
        {
            Require(principals.Contains(intervention.ResponsibleOrganisation), "content.interventions.responsible_organisation",
                $"intervention {intervention.Id}: the responsible principal, a summoned participant");
        }
        Require(content.OtherMeasures.Count > 0 || content.NoOtherMeasures, "content.other_measures",
            "the measures other actors take, or no_other_measures stated");
        Require(content.OverallResponsibleOrganisation is { } overall && principals.Contains(overall),
            "content.overall_responsible_organisation", "the principal with overall responsibility (huvudansvar), a summoned participant");
        Require(content.Goals.Any(g => g.Term == GoalTerm.ShortTerm), "content.goals", "a short-term goal of the person");
        Require(content.Goals.Any(g => g.Term == GoalTerm.LongTerm), "content.goals", "a long-term goal of the person");
        Require(!string.IsNullOrWhiteSpace(content.WhatMatters), "content.what_matters", "what matters to the person");
        Require(!string.IsNullOrWhiteSpace(content.CurrentInterventionsAssessment), "content.current_interventions_assessment",
            "how the current interventions work");
        foreach (var organisation in principals.Order(StringComparer.Ordinal))
        {
            Require(content.ContactPersons.Any(c => c.OrganisationCode == organisation), "content.contact_persons",
                $"a contact person of organisation {organisation}");
        }
        Require(content.FollowUpDate is { } date && date > today, "content.follow_up_date", "a follow-up date after today");
        Require(content.Relatives != RelativesParticipation.Unstated, "content.relatives", "whether relatives take part");
        var relativesInvited = participants.Any(p => p.Role == ParticipantRole.Relative);
        Require(content.Relatives != RelativesParticipation.Participates || relativesInvited, "content.relatives",
            "the participating relative as an invited participant");
        Require(content.Relatives is not (RelativesParticipation.DeclinedByPerson or RelativesParticipation.NotSuitable) || !relativesInvited,
            "content.relatives", "no relative invited when the person objects or it is not suitable");
        if (person.IsChildOn(today))
        {
            Require(content.ChildParticipation.Count > 0, "content.child_participation", "how the child takes part (adapted participation)");
        }

        Require(meeting is not null, "meeting", "the record of the SIP meeting");
        if (meeting is not null)
        {
            foreach (var item in Enum.GetValues<AgendaItem>())
            {
                Require(meeting.AgendaCovered.Contains(item), "meeting.agenda_covered", $"the agenda item {item} (Mötescirkeln)");
            }
            Require(meeting.Decisions.Count > 0, "meeting.decisions", "at least one decision");
            Require(meeting.Decisions.All(d => d.AlternativesConsidered.Count > 0), "meeting.decisions.alternatives_considered",
                "the alternatives considered for every decision");
            Require(!string.IsNullOrWhiteSpace(meeting.PersonsView), "meeting.persons_view", "the person's own view");
        }
        return missing;
    }
}

// One thing a plan lacks before it can be agreed: the contract field and what is missing.
public sealed record MissingContent(string Field, string What);
