using Google.Protobuf.WellKnownTypes;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Sip.V1;

namespace Samverkan.SipPlans.Tests.Integration;

// Requests as an organisation's system or the portal builds them.
public static class SipRequests
{
    public static string NewId() => Guid.NewGuid().ToString();

    public static Timestamp At(DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    public static Google.Type.Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    // A fresh valid personnummer per call (adults born 1960-1999), so tests never share a person.
    public static string NewPersonnummer()
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 365 * 39));
        var nine = $"{birth:yyMMdd}{Random.Shared.Next(0, 1000):D3}";
        return $"{birth.Year / 100:D2}{nine}{Samverkan.SharedKernel.Identity.PersonalIdentityNumber.LuhnCheckDigit(nine)}";
    }

    public static InitiatePlanRequest Initiate(string? personnummer = null, bool protectedIdentity = false) => new()
    {
        RequestId = NewId(),
        Person = new Person
        {
            PersonalIdentityNumber = new PersonalIdentityNumber { Value = personnummer ?? NewPersonnummer() },
            GivenName = "Sara",
            FamilyName = "Berg",
            ProtectedIdentity = protectedIdentity,
        },
        Initiator = InitiatorKind.MunicipalUnit,
        ProposedBy = ProposerKind.Individual,
        NeedDescription = "Behöver stöd från både socialtjänst och hälsocentral",
    };

    public static RecordConsentRequest Consent(string planId, params string[] organisations) => new()
    {
        RequestId = NewId(),
        PlanId = planId,
        Consent = new ConsentInput
        {
            Giver = ConsentGiver.Individual,
            Form = ConsentForm.Written,
            Organisations = { organisations.Length == 0 ? ["2080", "20"] : organisations },
            Purposes = { ConsentPurpose.Participation, ConsentPurpose.InformationSharing },
            GivenAt = At(DateTimeOffset.UtcNow.AddMinutes(-1)),
        },
    };

    public static AddParticipantRequest Principal(string planId, string participantId, string unit) => new()
    {
        RequestId = NewId(), PlanId = planId, ParticipantId = participantId, Role = ParticipantRole.Principal, Unit = new UnitRef { Id = unit },
    };

    public static SendInvitationsRequest Invitations(string planId) => new()
    {
        RequestId = NewId(), PlanId = planId, MeetingAt = At(DateTimeOffset.UtcNow.AddDays(7)), Digital = true,
    };

    public static PlanContent CompleteContent()
    {
        var content = new PlanContent
        {
            OverallResponsibleOrganisation = new OrganisationRef { Code = "2080" },
            WhatMatters = "Att få bo kvar nära sin syster",
            CurrentInterventionsAssessment = "Hemtjänsten fungerar",
            FollowUpDate = Date(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60)),
            Relatives = RelativesParticipation.NotSuitable,
        };
        content.Interventions.Add(new Intervention { InterventionId = "i-home", Description = "Boendestöd", ResponsibleOrganisation = new OrganisationRef { Code = "2080" } });
        content.Interventions.Add(new Intervention { InterventionId = "i-med", Description = "Läkemedelsgenomgång", ResponsibleOrganisation = new OrganisationRef { Code = "20" } });
        content.OtherMeasures.Add(new OtherMeasure { MeasureId = "m-fk", Actor = OtherActorKind.SocialInsuranceAgency, Description = "Utreder sjukersättning" });
        content.Goals.Add(new Goal { GoalId = "g1", Text = "Komma upp på morgonen", Term = GoalTerm.Short });
        content.Goals.Add(new Goal { GoalId = "g2", Text = "Eget boende", Term = GoalTerm.Long });
        content.ContactPersons.Add(new ContactPerson { Organisation = new OrganisationRef { Code = "2080" }, Name = "Anna Lind", Phone = "023-100" });
        content.ContactPersons.Add(new ContactPerson { Organisation = new OrganisationRef { Code = "20" }, Name = "Lena Dahl", Phone = "023-200" });
        return content;
    }

    public static MeetingRecord Meeting()
    {
        var meeting = new MeetingRecord { HeldAt = At(DateTimeOffset.UtcNow), Digital = true, IndividualPresent = true, PersonsView = "Vill ha stöd hemma" };
        meeting.AgendaCovered.AddRange([AgendaItem.Opening, AgendaItem.CurrentSituation, AgendaItem.Needs, AgendaItem.GoalsAndInterventions, AgendaItem.Summary, AgendaItem.Closing]);
        meeting.Decisions.Add(new Decision { Text = "Boendestöd startar", AlternativesConsidered = { "Hemtjänst", "Boendestöd" } });
        return meeting;
    }
}
