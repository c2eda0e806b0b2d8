using Samverkan.DischargeNotices.Application.Commands;
using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Consent;
using Samverkan.DischargeNotices.Tests.Support;

namespace Samverkan.DischargeNotices.Tests.Integration.Support;

public static class Requests
{
    public static AdmissionRequest Admission(DateTimeOffset admittedAt, Patient? patient = null, CareNeed[]? needs = null,
        string municipality = "2080", ConsentScope[]? consent = null, string? actingUnit = null) =>
        new(actingUnit, patient ?? TestPatients.Next(), municipality, admittedAt, null,
            needs ?? [CareNeed.SocialServices, CareNeed.MunicipalHealthCare], CareType.Somatic,
            DateOnly.FromDateTime(admittedAt.UtcDateTime).AddDays(7),
            null,
            new ConsentGrant(consent ?? [ConsentScope.SendNotices, ConsentScope.TransferInformation, ConsentScope.Sip],
                admittedAt, ConsentForm.Verbal, ConsentGiver.Patient, null));
}
