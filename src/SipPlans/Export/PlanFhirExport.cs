using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Samverkan.SharedKernel.Directory;
using Samverkan.SipPlans.Domain.Consent;
using Samverkan.SipPlans.Domain.FollowUps;
using Samverkan.SipPlans.Domain.Plans;
using Samverkan.SipPlans.Domain.Versions;
using Domain = Samverkan.SipPlans.Domain;
using Goal = Hl7.Fhir.Model.Goal;
using Consent = Hl7.Fhir.Model.Consent;

namespace Samverkan.SipPlans.Export;

// A plan version as HL7 FHIR R4: a collection Bundle with the CarePlan, its CareTeam, the person's
// Goals, every Consent, the Patient and the principals as Organizations. Valid against the R4 base
// profiles (tests/SipPlans.Tests/Export). No address, no location, for anyone; a person with
// protected identity is marked restricted (v3 Confidentiality R). Entry ids are stable per plan,
// so exporting the same version twice gives the same document.
public static class PlanFhirExport
{
    // Swedish identity numbers (personnummer, samordningsnummer) by their OIDs.
    public const string PersonnummerSystem = "urn:oid:1.2.752.129.2.1.3.1";
    public const string SamordningsnummerSystem = "urn:oid:1.2.752.129.2.1.3.3";
    // The platform's own identifiers.
    public const string OrganisationSystem = "urn:samverkan:organisation";
    public const string PlanSystem = "urn:samverkan:sip-plan";

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    public static string ToJson(SipPlan plan, PlanVersion version, UnitDirectory directory, DateTimeOffset now) =>
        JsonSerializer.Serialize(ToBundle(plan, version, directory, now), Json);

    public static Bundle ToBundle(SipPlan plan, PlanVersion version, UnitDirectory directory, DateTimeOffset now)
    {
        var content = version.Content;
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = now, Identifier = new Identifier(PlanSystem, $"{plan.Id}/v{version.Number}") };
        string Url(string kind, string key) => $"urn:uuid:{StableGuid($"{plan.Id}/{kind}/{key}")}";
        void Add(string fullUrl, Resource resource) => bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = fullUrl, Resource = resource });

        var patientUrl = Url("Patient", "person");
        Add(patientUrl, Patient(plan.Person));
        var patient = new ResourceReference(patientUrl);

        var organisations = version.Participants.Where(p => p.IsPrincipal).Select(p => p.OrganisationCode!)
            .Concat(content.Interventions.Select(i => i.ResponsibleOrganisation))
            .Concat(plan.Consent.Grants.SelectMany(g => g.Organisations))
            .Append(content.OverallResponsibleOrganisation ?? plan.InitiatingOrganisation)
            .Where(o => o.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        ResourceReference Organisation(string code) => new(Url("Organization", code), directory.FindOrganisation(code)?.Name ?? code);
        foreach (var code in organisations)
        {
            Add(Url("Organization", code), new Organization
            {
                Active = true,
                Identifier = [new Identifier(OrganisationSystem, code)],
                Name = directory.FindOrganisation(code)?.Name ?? code,
            });
        }

        var goalUrls = new List<string>();
        foreach (var goal in content.Goals)
        {
            var url = Url("Goal", goal.Id);
            goalUrls.Add(url);
            Add(url, new Goal
            {
                LifecycleStatus = plan.ClosedBecause == ClosureReason.Completed ? Goal.GoalLifecycleStatus.Completed : Goal.GoalLifecycleStatus.Active,
                Category = [new CodeableConcept { Text = SwedishTerms.Of(goal.Term) }],
                Description = new CodeableConcept { Text = goal.Text },
                Subject = patient,
            });
        }

        var careTeamUrl = Url("CareTeam", $"v{version.Number}");
        var careTeam = new CareTeam
        {
            Status = plan.IsOpen ? CareTeam.CareTeamStatus.Active : CareTeam.CareTeamStatus.Inactive,
            Name = "SIP-deltagare",
            Subject = patient,
        };
        foreach (var participant in version.Participants)
        {
            careTeam.Participant.Add(new CareTeam.ParticipantComponent
            {
                Role = [new CodeableConcept { Text = participant.IsPrincipal ? "Kallad huvudman" : participant.Role == Domain.Participants.ParticipantRole.Relative ? "Inbjuden anhörig" : "Inbjuden aktör" }],
                Member = participant.IsPrincipal
                    ? Organisation(participant.OrganisationCode!)
                    : new ResourceReference { Display = participant.OtherActor is { } actor ? SwedishTerms.Of(actor) : "Anhörig" },
            });
        }
        if (content.OverallResponsibleOrganisation is { } overall) careTeam.ManagingOrganization = [Organisation(overall)];
        Add(careTeamUrl, careTeam);

        foreach (var grant in plan.Consent.Grants)
        {
            Add(Url("Consent", grant.Id), Consent(plan, grant, patient, Organisation, now));
        }

        var latestOutcomes = plan.FollowUps.Where(f => f.OfVersion == version.Number).SelectMany(f => f.Outcomes)
            .GroupBy(o => o.InterventionId).ToDictionary(g => g.Key, g => g.Last());
        var carePlan = new CarePlan
        {
            Identifier = [new Identifier(PlanSystem, plan.Id)],
            Status = Status(plan),
            Intent = CarePlan.CarePlanIntent.Plan,
            Category = [new CodeableConcept { Text = "Samordnad individuell plan (SIP)" }],
            Title = $"Samordnad individuell plan, version {version.Number}",
            Subject = patient,
            Created = version.AgreedAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            Period = new Period { StartElement = new FhirDateTime(version.AgreedAt) },
            CareTeam = [new ResourceReference(careTeamUrl)],
            Goal = goalUrls.Select(u => new ResourceReference(u)).ToList(),
        };
        if (content.OverallResponsibleOrganisation is { } responsible) carePlan.Author = Organisation(responsible);
        if (content.FollowUpDate is { } followUp)
        {
            carePlan.Period.EndElement = new FhirDateTime(followUp.Year, followUp.Month, followUp.Day);
        }
        foreach (var intervention in content.Interventions)
        {
            var outcome = latestOutcomes.GetValueOrDefault(intervention.Id);
            carePlan.Activity.Add(new CarePlan.ActivityComponent
            {
                Detail = new CarePlan.DetailComponent
                {
                    Status = outcome?.Status switch
                    {
                        OutcomeStatus.Done => CarePlan.CarePlanActivityStatus.Completed,
                        OutcomeStatus.InProgress => CarePlan.CarePlanActivityStatus.InProgress,
                        OutcomeStatus.NotDone => CarePlan.CarePlanActivityStatus.Stopped,
                        _ => CarePlan.CarePlanActivityStatus.NotStarted,
                    },
                    StatusReason = outcome?.Reason is { } reason ? new CodeableConcept { Text = reason } : null,
                    Description = intervention.Description,
                    Performer = intervention.ResponsibleOrganisation.Length > 0 ? [Organisation(intervention.ResponsibleOrganisation)] : [],
                },
            });
        }
        foreach (var measure in content.OtherMeasures)
        {
            carePlan.Activity.Add(new CarePlan.ActivityComponent
            {
                Detail = new CarePlan.DetailComponent
                {
                    Status = CarePlan.CarePlanActivityStatus.Unknown,
                    Description = measure.Description,
                    Performer = [new ResourceReference { Display = SwedishTerms.Of(measure.Actor) }],
                },
            });
        }
        foreach (var (label, text) in new[] { ("Det här är viktigt för mig", content.WhatMatters), ("Det här gör jag själv", content.OwnActions),
                     ("Hur nuvarande insatser fungerar", content.CurrentInterventionsAssessment), ("Min syn", version.Meeting?.PersonsView) })
        {
            if (!string.IsNullOrWhiteSpace(text)) carePlan.Note.Add(new Annotation { Text = new Markdown($"{label}: {text}") });
        }
        Add(Url("CarePlan", $"v{version.Number}"), carePlan);
        return bundle;
    }

    private static Patient Patient(Domain.Plans.PlanPerson person)
    {
        var number = person.PersonalIdentityNumber;
        var patient = new Patient
        {
            Identifier = [new Identifier(number.IsCoordinationNumber ? SamordningsnummerSystem : PersonnummerSystem, number.Value)],
        };
        if (person.GivenName is not null || person.FamilyName is not null)
        {
            patient.Name = [new HumanName { Family = person.FamilyName, Given = person.GivenName is null ? [] : [person.GivenName] }];
        }
        if (person.ProtectedIdentity)
        {
            // Skyddad folkbokföring: restricted; and no address or location is ever included.
            patient.Meta = new Meta { Security = [new Coding("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", "restricted")] };
        }
        return patient;
    }

    private static Consent Consent(SipPlan plan, ConsentGrant grant, ResourceReference patient, Func<string, ResourceReference> organisation, DateTimeOffset now)
    {
        var remaining = plan.Consent.RemainingOrganisations(grant, now);
        var consent = new Consent
        {
            Status = grant.InForceAt(now) && remaining.Count > 0 ? Hl7.Fhir.Model.Consent.ConsentState.Active : Hl7.Fhir.Model.Consent.ConsentState.Inactive,
            Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent"),
            Category = [new CodeableConcept("http://loinc.org", "59284-0", "Patient Consent")],
            Patient = patient,
            DateTime = grant.ValidFrom.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            Performer = [grant.Giver == ConsentGiver.Individual ? patient : new ResourceReference { Display = SwedishTerms.Of(grant.Giver) }],
            Organization = grant.Organisations.Select(organisation).ToList(),
            PolicyRule = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN", "opt-in"),
            Provision = new Consent.provisionComponent
            {
                Type = Hl7.Fhir.Model.Consent.ConsentProvisionType.Permit,
                Period = new Period { StartElement = new FhirDateTime(grant.ValidFrom), EndElement = grant.ValidUntil is { } until ? new FhirDateTime(until) : null },
                Actor = grant.Organisations.Select(o => Actor(organisation(o))).ToList(),
                Purpose = grant.Purposes.Select(Purpose).ToList(),
            },
        };
        // Each withdrawal: from then on, the organisation is denied.
        foreach (var code in grant.Organisations)
        {
            if (plan.Consent.WithdrawnAt(grant.Id, code) is not { } withdrawnAt) continue;
            consent.Provision.Provision.Add(new Consent.provisionComponent
            {
                Type = Hl7.Fhir.Model.Consent.ConsentProvisionType.Deny,
                Period = new Period { StartElement = new FhirDateTime(withdrawnAt) },
                Actor = [Actor(organisation(code))],
            });
        }
        return consent;
    }

    private static Consent.provisionActorComponent Actor(ResourceReference organisation) => new()
    {
        Role = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient"),
        Reference = organisation,
    };

    private static Coding Purpose(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Participation => new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "CAREMGT", "care management"),
        _ => new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "COC", "coordination of care"),
    };

    private static RequestStatus Status(SipPlan plan) => plan.State switch
    {
        PlanState.Closed when plan.ClosedBecause == ClosureReason.Completed => RequestStatus.Completed,
        PlanState.Closed => RequestStatus.Revoked,
        PlanState.Agreed or PlanState.FollowingUp => RequestStatus.Active,
        _ => RequestStatus.Draft,
    };

    // A name-based id: the same plan, kind and key always give the same uuid.
    private static Guid StableGuid(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }
}
