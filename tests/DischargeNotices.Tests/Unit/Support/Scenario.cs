using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Consent;
using Samverkan.DischargeNotices.Domain.Events;
using Samverkan.DischargeNotices.Domain.Routing;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.SharedKernel.Identity;

namespace Samverkan.DischargeNotices.Tests.Unit.Support;

// Builds cases step by step for domain tests: a Falun resident admitted to Falu lasarett.
public static class Scenario
{
    public const string SendingUnit = "20-slv-falun-med";
    public static readonly Actor Sender = new("20", SendingUnit);
    public static readonly Actor HealthCentre = new("20", "20-vc-2080");
    public static readonly Actor SocialServices = new("2080", "2080-soc");
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static readonly Patient Patient = new(
        PersonalIdentityNumber.Parse("191212121212"), "Tolvan", "Tolvansson",
        new PostalAddress("Storgatan 1", "791 71", "Falun"), ProtectedIdentity: false);

    public static EventContext At(DateTimeOffset now, Actor? actor = null) => new(actor ?? Sender, now, Tolerance);

    public static ConsentGrant Consent(DateTimeOffset givenAt, params ConsentScope[] scopes) =>
        new(scopes.Length == 0 ? [ConsentScope.SendNotices, ConsentScope.TransferInformation, ConsentScope.Sip] : scopes,
            givenAt, ConsentForm.Verbal, ConsentGiver.Patient, null);

    public static AdmissionDetails Details(
        DateTimeOffset admittedAt,
        CareNeed[]? needs = null,
        CareType careType = CareType.Somatic,
        ConsentGrant? consent = null,
        DateTimeOffset? needsAssessedAt = null,
        DateOnly? estimatedDischarge = null,
        string municipality = "2080") =>
        new(Patient, municipality, SendingUnit, "20", careType,
            needs ?? [CareNeed.SocialServices, CareNeed.MunicipalHealthCare],
            admittedAt, needsAssessedAt,
            estimatedDischarge ?? DateOnly.FromDateTime(admittedAt.UtcDateTime).AddDays(5),
            consent ?? Consent(admittedAt));

    public static DischargeCase Admit(DateTimeOffset admittedAt, DateTimeOffset? sentAt = null, CareNeed[]? needs = null,
        CareType careType = CareType.Somatic, ConsentGrant? consent = null, DateTimeOffset? needsAssessedAt = null, string municipality = "2080",
        string id = "case-1")
    {
        var details = Details(admittedAt, needs, careType, consent, needsAssessedAt, municipality: municipality);
        var recipients = new RecipientRouter(TestDirectory.Shipped).Route(municipality, details.Needs, null);
        return DischargeCase.Open(id, details, recipients, At(sentAt ?? admittedAt.AddHours(1)));
    }

    // Readiness notice sent at 'sentAt', judged a little earlier.
    public static ReadinessNotified Ready(this DischargeCase @case, DateTimeOffset sentAt) =>
        @case.NotifyReadyForDischarge(sentAt.AddMinutes(-30), At(sentAt));

    public static ReadinessWithdrawn Withdraw(this DischargeCase @case, DateTimeOffset at) =>
        @case.WithdrawReadiness(at, ReadinessWithdrawalReason.ConditionChanged, At(at));

    public static PatientDischarged Discharged(this DischargeCase @case, DateTimeOffset at) =>
        @case.RegisterDischarge(at, At(at));
}
