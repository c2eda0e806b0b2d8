using Google.Protobuf.WellKnownTypes;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.DischargeNotices.Tests.Support;

namespace Samverkan.DischargeNotices.Tests.Integration.Grpc;

// Requests as a regional system or the staff portal builds them from the contract.
public static class ProtoRequests
{
    public static SendAdmissionNoticeRequest Admission(DateTimeOffset admittedAt, string? personnummer = null,
        bool protectedIdentity = false, string municipality = "2080", params CareNeed[] needs)
    {
        var request = new SendAdmissionNoticeRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Patient = new Patient
            {
                PersonalIdentityNumber = new PersonalIdentityNumber { Value = personnummer ?? TestPatients.NextNumber().Value },
                GivenName = "Tolvan",
                FamilyName = "Tolvansson",
                RegisteredAddress = new PostalAddress { Street = "Storgatan 1", PostalCode = "791 71", City = "Falun" },
                ProtectedIdentity = protectedIdentity,
            },
            ResidenceMunicipality = new OrganisationRef { Code = municipality },
            AdmittedAt = Timestamp.FromDateTimeOffset(admittedAt),
            CareType = CareType.Somatic,
            EstimatedDischargeDate = Date(admittedAt.AddDays(5)),
            Consent = Consent(admittedAt, ConsentScope.SendNotices, ConsentScope.TransferInformation, ConsentScope.Sip),
        };
        request.Needs.AddRange(needs.Length == 0 ? [CareNeed.SocialServices, CareNeed.MunicipalHealthCare] : needs);
        return request;
    }

    public static Consent Consent(DateTimeOffset givenAt, params ConsentScope[] scopes)
    {
        var consent = new Consent { GivenAt = Timestamp.FromDateTimeOffset(givenAt), Form = ConsentForm.Verbal, Giver = ConsentGiver.Patient };
        consent.Scopes.AddRange(scopes);
        return consent;
    }

    public static Google.Type.Date Date(DateTimeOffset instant) => new() { Year = instant.Year, Month = instant.Month, Day = instant.Day };

    public static Timestamp At(DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    public static string NewId() => Guid.NewGuid().ToString();
}
