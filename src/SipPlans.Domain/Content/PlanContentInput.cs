namespace Samverkan.SipPlans.Domain.Content;

// Checks a draft the caller sends: every field bounded, ids unique, organisations and units known,
// the follow-up date plausible. Completeness (what the law demands) is checked when agreeing.
public static class PlanContentInput
{
    public static PlanContent Validate(PlanContent content, StepContext context)
    {
        TextInput.Count(content.Interventions, "content.interventions", PlanLimits.MaxItems);
        TextInput.Count(content.OtherMeasures, "content.other_measures", PlanLimits.MaxItems);
        TextInput.Count(content.Goals, "content.goals", PlanLimits.MaxItems);
        TextInput.Count(content.ContactPersons, "content.contact_persons", PlanLimits.MaxItems);

        var interventions = content.Interventions.Select(i => ValidIntervention(i, context)).ToList();
        TextInput.UniqueIds(interventions.Select(i => i.Id), "content.interventions.id");
        var measures = content.OtherMeasures.Select(m => new OtherMeasure(
            TextInput.Id(m.Id, "content.other_measures.id"), m.Actor,
            TextInput.Required(m.Description, "content.other_measures.description", PlanLimits.ShortTextLength))).ToList();
        TextInput.UniqueIds(measures.Select(m => m.Id), "content.other_measures.id");
        var goals = ValidGoals(content.Goals, "content.goals");
        var contacts = content.ContactPersons.Select(c => new ContactPerson(
            KnownOrganisation(c.OrganisationCode, "content.contact_persons.organisation", context),
            TextInput.Required(c.Name, "content.contact_persons.name", PlanLimits.NameLength),
            TextInput.Optional(c.Title, "content.contact_persons.title", PlanLimits.NameLength),
            TextInput.Optional(c.Phone, "content.contact_persons.phone", PlanLimits.PhoneLength))).ToList();
        if (content.FollowUpDate is { } date && (date <= context.Today || date > context.Today.AddDays(PlanLimits.MaxFollowUpDaysAhead)))
        {
            throw RuleViolation.Invalid("content.follow_up_date", $"content.follow_up_date must be after today and within {PlanLimits.MaxFollowUpDaysAhead} days.");
        }
        if (content.OverallResponsibleOrganisation is { Length: > 0 } overall) KnownOrganisation(overall, "content.overall_responsible_organisation", context);

        return content with
        {
            Interventions = interventions,
            OtherMeasures = measures,
            Goals = goals,
            ContactPersons = contacts,
            OverallResponsibleOrganisation = string.IsNullOrWhiteSpace(content.OverallResponsibleOrganisation) ? null : content.OverallResponsibleOrganisation,
            WhatMatters = TextInput.Optional(content.WhatMatters, "content.what_matters", PlanLimits.LongTextLength),
            OwnActions = TextInput.Optional(content.OwnActions, "content.own_actions", PlanLimits.LongTextLength),
            CurrentInterventionsAssessment = TextInput.Optional(content.CurrentInterventionsAssessment, "content.current_interventions_assessment", PlanLimits.LongTextLength),
            ChildParticipation = content.ChildParticipation.Distinct().ToList(),
        };
    }

    public static IReadOnlyList<Goal> ValidGoals(IReadOnlyList<Goal> goals, string field)
    {
        TextInput.Count(goals, field, PlanLimits.MaxItems);
        var valid = goals.Select(g => new Goal(TextInput.Id(g.Id, $"{field}.id"), TextInput.Required(g.Text, $"{field}.text", PlanLimits.ShortTextLength), g.Term)).ToList();
        TextInput.UniqueIds(valid.Select(g => g.Id), $"{field}.id");
        return valid;
    }

    public static MeetingRecord ValidMeeting(MeetingRecord meeting)
    {
        TextInput.Count(meeting.Decisions, "meeting.decisions", PlanLimits.MaxItems);
        return meeting with
        {
            AgendaCovered = meeting.AgendaCovered.Distinct().Order().ToList(),
            Decisions = meeting.Decisions.Select(d =>
            {
                TextInput.Count(d.AlternativesConsidered, "meeting.decisions.alternatives_considered", PlanLimits.MaxAlternatives);
                return new Decision(TextInput.Required(d.Text, "meeting.decisions.text", PlanLimits.ShortTextLength),
                    d.AlternativesConsidered.Select(a => TextInput.Required(a, "meeting.decisions.alternatives_considered", PlanLimits.ShortTextLength)).ToList());
            }).ToList(),
            PersonsView = TextInput.Optional(meeting.PersonsView, "meeting.persons_view", PlanLimits.LongTextLength) ?? "",
        };
    }

    private static Intervention ValidIntervention(Intervention intervention, StepContext context)
    {
        var id = TextInput.Id(intervention.Id, "content.interventions.id");
        var description = TextInput.Required(intervention.Description, "content.interventions.description", PlanLimits.ShortTextLength);
        var organisation = string.IsNullOrWhiteSpace(intervention.ResponsibleOrganisation)
            ? ""
            : KnownOrganisation(intervention.ResponsibleOrganisation, "content.interventions.responsible_organisation", context);
        if (intervention.ResponsibleUnit is { Length: > 0 } unitId && context.Directory.FindUnit(unitId)?.OrganisationCode != organisation)
        {
            throw RuleViolation.Invalid("content.interventions.responsible_unit", "content.interventions.responsible_unit must be a unit of the responsible organisation.");
        }
        return new Intervention(id, description, organisation, string.IsNullOrWhiteSpace(intervention.ResponsibleUnit) ? null : intervention.ResponsibleUnit);
    }

    private static string KnownOrganisation(string code, string field, StepContext context) =>
        context.Directory.FindOrganisation(code)?.Code
            ?? throw RuleViolation.Invalid(field, $"{field} {TextInput.EchoedId(code)} is not an organisation of the platform (SCB municipality code or \"20\").");
}
