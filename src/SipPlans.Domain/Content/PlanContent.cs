namespace Samverkan.SipPlans.Domain.Content;

// The plan's content (what the law demands and what is expected). Edited as a whole draft with
// the plan's version for optimistic concurrency; frozen into a PlanVersion when agreed.
// Free text is personal data: never logged (ToString is masked).
public sealed record PlanContent
{
    public static readonly PlanContent Empty = new();

    // 1. Insatser that are needed, 2. with the principal that answers for each.
    public IReadOnlyList<Intervention> Interventions { get; init; } = [];

    // 3. What others do (Försäkringskassan, school, dental care, ...).
    public IReadOnlyList<OtherMeasure> OtherMeasures { get; init; } = [];

    // Stated explicitly when no other actor takes any measure ("none" is also a statement).
    public bool NoOtherMeasures { get; init; }

    // 4. The principal with the overall responsibility (huvudansvar); must be a summoned participant.
    public string? OverallResponsibleOrganisation { get; init; }

    // The person's own goals, short and long term.
    public IReadOnlyList<Goal> Goals { get; init; } = [];

    // Vad som är viktigt för personen.
    public string? WhatMatters { get; init; }

    // What the person does themselves (expected, not mandatory).
    public string? OwnActions { get; init; }

    // Hur nuvarande insatser fungerar.
    public string? CurrentInterventionsAssessment { get; init; }

    // A contact person per participating organisation.
    public IReadOnlyList<ContactPerson> ContactPersons { get; init; } = [];

    // Datum för uppföljning.
    public DateOnly? FollowUpDate { get; init; }

    // Relatives (anhöriga) take part when suitable and the person does not object.
    public RelativesParticipation Relatives { get; init; } = RelativesParticipation.Unstated;

    // For a child: how the child takes part (adapted participation).
    public IReadOnlyList<ChildParticipationForm> ChildParticipation { get; init; } = [];

    public override string ToString() => $"PlanContent ({Interventions.Count} interventions, {Goals.Count} goals)";
}

// One intervention (insats) and the principal that answers for it.
public sealed record Intervention(string Id, string Description, string ResponsibleOrganisation, string? ResponsibleUnit)
{
    public override string ToString() => $"Intervention {Id}";
}

// A measure another actor takes (not a principal of the platform).
public sealed record OtherMeasure(string Id, OtherActorKind Actor, string Description)
{
    public override string ToString() => $"OtherMeasure {Id}";
}

public enum OtherActorKind
{
    SocialInsuranceAgency,  // Försäkringskassan
    EmploymentService,      // Arbetsförmedlingen
    School,                 // skolan
    Police,                 // polisen
    PrisonAndProbation,     // Kriminalvården
    InstitutionalCare,      // Statens institutionsstyrelse (SiS)
    DentalCare,             // tandvården
    Trustee,                // god man / förvaltare
    Other,
}

public enum GoalTerm
{
    ShortTerm,
    LongTerm,
}

public sealed record Goal(string Id, string Text, GoalTerm Term)
{
    public override string ToString() => $"Goal {Id} ({Term})";
}

public sealed record ContactPerson(string OrganisationCode, string Name, string? Title, string? Phone)
{
    public override string ToString() => $"ContactPerson of {OrganisationCode}";
}

public enum RelativesParticipation
{
    Unstated,
    Participates,           // suitable and the person agrees
    NotSuitable,            // judged not suitable
    DeclinedByPerson,       // the person does not want relatives to take part
    NoRelatives,
}

// Ways a child takes part (tell someone before, a letter, a support person, part of the meeting,
// by phone or video).
public enum ChildParticipationForm
{
    ToldSomeoneBefore,
    Letter,
    SupportPerson,
    PartOfMeeting,
    PhoneOrVideo,
    WholeMeeting,
}
