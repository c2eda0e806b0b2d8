using Samverkan.Contracts.Common.V1;
using Samverkan.ServiceCore.Grpc;
using Samverkan.SipPlans.Application.Commands;
using Proto = Samverkan.Contracts.Sip.V1;

namespace Samverkan.SipPlans.Grpc.Mapping;

// Domain -> contract. No address or location exists in the domain, so none can be answered; the
// meeting place is left out for a person with protected identity (it is never recorded for them),
// and broad lists carry only protected_identity = true for them.
public static class PlanMapper
{
    public static Proto.PlanChangeAccepted ToAccepted(PlanChange change) => new()
    {
        PlanId = change.Plan.Id,
        Version = change.Revision,
        State = ProtoEnums.ToProto(change.State),
        RecordedAt = ProtoTime.ToProto(change.RecordedAt),
        Replayed = change.Replayed,
        AgreedVersionNumber = change.AgreedVersionNumber ?? 0,
    };

    public static Proto.Plan ToProto(SipPlan plan, DateTimeOffset now, DateOnly today)
    {
        var message = new Proto.Plan
        {
            PlanId = plan.Id,
            Version = plan.Revision,
            State = ProtoEnums.ToProto(plan.State),
            ClosureReason = ProtoEnums.ToProto(plan.ClosedBecause),
            ClosedAt = ProtoTime.ToProto(plan.ClosedAt),
            Person = Person(plan.Person, full: true),
            Initiator = ProtoEnums.ToProto(plan.Initiation.Initiator),
            ProposedBy = ProtoEnums.ToProto(plan.Initiation.ProposedBy),
            InitiatingUnit = Unit(plan.InitiatingUnit),
            NeedDescription = plan.Initiation.NeedDescription ?? "",
            CreatedAt = ProtoTime.ToProto(plan.CreatedAt),
            DischargeCaseId = plan.Initiation.DischargeCaseId ?? "",
            Draft = Content(plan.Draft),
            ResponsibleOrganisation = Organisation(plan.ResponsibleOrganisation),
        };
        if (plan.InvitationDeadline is { } deadline)
        {
            message.InvitationDeadline = new Proto.InvitationDeadline
            {
                DischargeCaseId = deadline.DischargeCaseId,
                ReadinessEventSequence = deadline.ReadinessSequence,
                DueAt = ProtoTime.ToProto(deadline.DueAt),
                ResponsibleUnit = Unit(deadline.ResponsibleUnit),
                MetAt = ProtoTime.ToProto(deadline.MetAt),
                Cancelled = deadline.Cancelled,
                Overdue = deadline.IsOverdueAt(now),
            };
        }
        message.Consents.AddRange(plan.Consent.Grants.Select(g => Consent(plan, g)));
        message.Participants.AddRange(plan.Participants.Select(Participant));
        if (plan.LatestInvitations is { } invitations)
        {
            message.Invitations = new Proto.Invitations
            {
                SentAt = ProtoTime.ToProto(invitations.OccurredAt),
                MeetingAt = ProtoTime.ToProto(invitations.MeetingAt),
                Digital = invitations.Digital,
                MeetingPlace = plan.Person.ProtectedIdentity ? "" : invitations.MeetingPlace ?? "",
            };
        }
        if (plan.LatestMeeting is { } meeting) message.LatestMeeting = Meeting(meeting);
        message.Versions.AddRange(plan.Versions.Select(Version));
        message.FollowUps.AddRange(plan.FollowUps.Select(FollowUp));
        message.ScheduledFollowUps.AddRange(plan.ScheduledFollowUps.Select(ProtoTime.ToProto));
        message.Overdue.AddRange(plan.OverdueSteps(now, today).Select(Overdue));
        return message;
    }

    public static Proto.PlanSummary Summary(SipPlan plan, DateTimeOffset now, DateOnly today)
    {
        var summary = new Proto.PlanSummary
        {
            PlanId = plan.Id,
            Version = plan.Revision,
            State = ProtoEnums.ToProto(plan.State),
            Person = Person(plan.Person, full: !plan.Person.ProtectedIdentity),
            ResponsibleOrganisation = Organisation(plan.ResponsibleOrganisation),
            InitiatingUnit = Unit(plan.InitiatingUnit),
            CreatedAt = ProtoTime.ToProto(plan.CreatedAt),
            AgreedVersions = plan.Versions.Count,
        };
        if (plan.ScheduledFollowUps.Count > 0) summary.NextFollowUp = ProtoTime.ToProto(plan.ScheduledFollowUps.Min());
        summary.Overdue.AddRange(plan.OverdueSteps(now, today).Select(Overdue));
        return summary;
    }

    public static Proto.PlanHistory History(SipPlan plan)
    {
        var history = new Proto.PlanHistory { PlanId = plan.Id };
        foreach (var @event in plan.Events)
        {
            var entry = new Proto.HistoryEntry
            {
                Sequence = @event.Sequence,
                Step = Step(@event),
                OccurredAt = ProtoTime.ToProto(@event.OccurredAt),
                RecordedAt = ProtoTime.ToProto(@event.RecordedAt),
                Actor = Actor(@event.Actor),
            };
            switch (@event)
            {
                case PlanAgreed agreed: entry.VersionNumber = agreed.VersionNumber; break;
                case VersionSigned signed: entry.VersionNumber = signed.VersionNumber; break;
                case ConsentRecorded recorded:
                    entry.ConsentId = recorded.Grant.Id;
                    entry.Organisations.AddRange(recorded.Grant.Organisations);
                    break;
                case ConsentWithdrawn withdrawn:
                    entry.ConsentId = withdrawn.GrantId;
                    entry.Organisations.AddRange(withdrawn.Organisations);
                    break;
                case PlanClosed closed: entry.ClosureReason = ProtoEnums.ToProto(closed.Reason); break;
            }
            history.Entries.Add(entry);
        }
        return history;
    }

    public static Proto.PlanContent Content(PlanContent content)
    {
        var message = new Proto.PlanContent
        {
            NoOtherMeasures = content.NoOtherMeasures,
            OverallResponsibleOrganisation = content.OverallResponsibleOrganisation is { } overall ? Organisation(overall) : null,
            WhatMatters = content.WhatMatters ?? "",
            OwnActions = content.OwnActions ?? "",
            CurrentInterventionsAssessment = content.CurrentInterventionsAssessment ?? "",
            FollowUpDate = content.FollowUpDate is { } date ? ProtoTime.ToProto(date) : null,
            Relatives = ProtoEnums.ToProto(content.Relatives),
        };
        message.Interventions.AddRange(content.Interventions.Select(i => new Proto.Intervention
        {
            InterventionId = i.Id,
            Description = i.Description,
            ResponsibleOrganisation = Organisation(i.ResponsibleOrganisation),
            ResponsibleUnit = i.ResponsibleUnit is { } unit ? Unit(unit) : null,
        }));
        message.OtherMeasures.AddRange(content.OtherMeasures.Select(m => new Proto.OtherMeasure
        {
            MeasureId = m.Id, Actor = ProtoEnums.ToProto(m.Actor), Description = m.Description,
        }));
        message.Goals.AddRange(content.Goals.Select(Goal));
        message.ContactPersons.AddRange(content.ContactPersons.Select(c => new Proto.ContactPerson
        {
            Organisation = Organisation(c.OrganisationCode), Name = c.Name, Title = c.Title ?? "", Phone = c.Phone ?? "",
        }));
        message.ChildParticipation.AddRange(content.ChildParticipation.Select(ProtoEnums.ToProto));
        return message;
    }

    private static Proto.Person Person(PlanPerson person, bool full) => full
        ? new Proto.Person
        {
            PersonalIdentityNumber = new Samverkan.Contracts.Common.V1.PersonalIdentityNumber { Value = person.PersonalIdentityNumber.Value },
            GivenName = person.GivenName ?? "",
            FamilyName = person.FamilyName ?? "",
            ProtectedIdentity = person.ProtectedIdentity,
        }
        : new Proto.Person { ProtectedIdentity = true };

    private static Proto.Consent Consent(SipPlan plan, ConsentGrant grant)
    {
        var message = new Proto.Consent
        {
            ConsentId = grant.Id,
            Giver = ProtoEnums.ToProto(grant.Giver),
            Form = ProtoEnums.ToProto(grant.Form),
            ValidFrom = ProtoTime.ToProto(grant.ValidFrom),
            ValidUntil = ProtoTime.ToProto(grant.ValidUntil),
            RecordedBy = Actor(grant.RecordedBy),
        };
        message.Organisations.AddRange(grant.Organisations);
        message.Purposes.AddRange(grant.Purposes.Select(ProtoEnums.ToProto));
        foreach (var organisation in grant.Organisations)
        {
            if (plan.Consent.WithdrawnAt(grant.Id, organisation) is { } at)
            {
                message.Withdrawals.Add(new Proto.ConsentWithdrawal { Organisation = organisation, WithdrawnAt = ProtoTime.ToProto(at) });
            }
        }
        return message;
    }

    private static Proto.Participant Participant(Participant participant) => new()
    {
        ParticipantId = participant.Id,
        Role = ProtoEnums.ToProto(participant.Role),
        Organisation = participant.OrganisationCode is { } code ? Organisation(code) : null,
        Unit = participant.UnitId is { } unit ? Unit(unit) : null,
        OtherActor = ProtoEnums.ToProto(participant.OtherActor),
        Name = participant.Name ?? "",
        Summoned = participant.IsSummoned,
    };

    private static Proto.MeetingRecord Meeting(MeetingRecord meeting)
    {
        var message = new Proto.MeetingRecord
        {
            HeldAt = ProtoTime.ToProto(meeting.HeldAt),
            Digital = meeting.Digital,
            IndividualPresent = meeting.IndividualPresent,
            PersonsView = meeting.PersonsView,
        };
        message.AgendaCovered.AddRange(meeting.AgendaCovered.Select(ProtoEnums.ToProto));
        foreach (var decision in meeting.Decisions)
        {
            var d = new Proto.Decision { Text = decision.Text };
            d.AlternativesConsidered.AddRange(decision.AlternativesConsidered);
            message.Decisions.Add(d);
        }
        return message;
    }

    private static Proto.PlanVersion Version(PlanVersion version)
    {
        var message = new Proto.PlanVersion
        {
            Number = version.Number,
            AgreedAt = ProtoTime.ToProto(version.AgreedAt),
            AgreedBy = Actor(version.AgreedBy),
            Content = Content(version.Content),
            Meeting = version.Meeting is { } meeting ? Meeting(meeting) : null,
            SignedByAll = version.SignedByAll,
        };
        message.Participants.AddRange(version.Participants.Select(Participant));
        message.Signatures.AddRange(version.Signatures.Select(s => new Proto.Signature
        {
            Signatory = ProtoEnums.ToProto(s.Signatory.Kind),
            Organisation = s.Signatory.OrganisationCode is { } code ? Organisation(code) : null,
            SignedAt = ProtoTime.ToProto(s.SignedAt),
            RecordedBy = Actor(s.RecordedBy),
        }));
        return message;
    }

    private static Proto.FollowUp FollowUp(FollowUpRecord followUp)
    {
        var message = new Proto.FollowUp
        {
            ScheduledFor = ProtoTime.ToProto(followUp.ScheduledFor),
            HeldAt = ProtoTime.ToProto(followUp.HeldAt),
            OfVersion = followUp.OfVersion,
            NextFollowUpDate = followUp.NextFollowUpDate is { } next ? ProtoTime.ToProto(next) : null,
        };
        message.Outcomes.AddRange(followUp.Outcomes.Select(o => new Proto.InterventionOutcome
        {
            InterventionId = o.InterventionId, Status = ProtoEnums.ToProto(o.Status), Reason = o.Reason ?? "",
        }));
        message.NewGoals.AddRange(followUp.NewGoals.Select(Goal));
        return message;
    }

    private static Proto.Goal Goal(Goal goal) => new() { GoalId = goal.Id, Text = goal.Text, Term = ProtoEnums.ToProto(goal.Term) };

    private static Proto.OverdueStep Overdue(OverdueStep step) => new()
    {
        Kind = ProtoEnums.ToProto(step.Kind),
        DueDate = ProtoTime.ToProto(step.DueDate),
        ResponsibleOrganisation = Organisation(step.ResponsibleOrganisation),
        ResponsibleUnit = step.ResponsibleUnit is { } unit ? Unit(unit) : null,
    };

    private static Proto.Actor Actor(Actor actor) => new()
    {
        Organisation = Organisation(actor.OrganisationCode),
        Unit = actor.UnitId is { } unit ? Unit(unit) : null,
        System = actor.System,
    };

    // The persisted discriminator, e.g. "consent-recorded" (a bounded vocabulary, no free text).
    private static string Step(PlanEvent @event) =>
        string.Concat(@event.GetType().Name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static OrganisationRef Organisation(string code) => new() { Code = code };

    private static UnitRef Unit(string id) => new() { Id = id };
}
