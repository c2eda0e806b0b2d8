using Google.Protobuf.WellKnownTypes;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Discharge.V1;
using SharedPin = Samverkan.SharedKernel.Identity.PersonalIdentityNumber;

namespace Samverkan.DischargeNotices.Tests.Properties;

// A generated admission notice: a valid one (a fresh patient, a municipality, needs, sent by the
// inpatient nurse or the region's system) and the corruptions applied to it.
public sealed record AdmissionInput(
    DateOnly BirthDate, int Serial, string Municipality, CareNeed[] Needs, int HoursAgo, bool BySystem,
    IReadOnlyList<Corruption<AdmissionCall>> Corruptions)
{
    public const string Nurse = "karin.nyberg";
    public const string NurseUnit = "20-slv-falun-med";
    public const string RegionSystem = "region-dalarna";

    public string Personnummer
    {
        get
        {
            var nine = $"{BirthDate.Year % 100:D2}{BirthDate.Month:D2}{BirthDate.Day:D2}{Serial:D3}";
            return $"{BirthDate.Year / 100:D2}{nine}{SharedPin.LuhnCheckDigit(nine)}";
        }
    }

    public AdmissionCall Build(DateTimeOffset now)
    {
        var admittedAt = now.AddHours(-HoursAgo);
        var request = new SendAdmissionNoticeRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            ActingUnit = BySystem ? new UnitRef { Id = NurseUnit } : null,
            Patient = new Patient
            {
                PersonalIdentityNumber = new Samverkan.Contracts.Common.V1.PersonalIdentityNumber { Value = Personnummer },
                GivenName = "Tolvan",
                FamilyName = "Tolvansson",
                RegisteredAddress = new PostalAddress { Street = "Storgatan 1", PostalCode = "791 71", City = "Falun" },
            },
            ResidenceMunicipality = new OrganisationRef { Code = Municipality },
            AdmittedAt = Timestamp.FromDateTimeOffset(admittedAt),
            CareType = CareType.Somatic,
            EstimatedDischargeDate = new Google.Type.Date { Year = admittedAt.AddDays(5).Year, Month = admittedAt.AddDays(5).Month, Day = admittedAt.AddDays(5).Day },
            Consent = new Consent { GivenAt = Timestamp.FromDateTimeOffset(admittedAt), Form = ConsentForm.Verbal, Giver = ConsentGiver.Patient },
        };
        request.Needs.AddRange(Needs);
        request.Consent.Scopes.AddRange([ConsentScope.SendNotices, ConsentScope.TransferInformation, ConsentScope.Sip]);
        var call = new AdmissionCall(BySystem ? RegionSystem : Nurse, BySystem, request);
        foreach (var corruption in Corruptions)
        {
            // A corruption that no longer fits what an earlier one left (a check-digit change after the
            // number was cut to five characters) leaves the call as it is.
            try
            {
                corruption.Apply(call);
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or FormatException)
            {
            }
        }
        return call;
    }

    public override string ToString() =>
        $"admission of {Personnummer} to {Municipality} ({string.Join(",", Needs)}), {HoursAgo} h ago, by {(BySystem ? RegionSystem : Nurse)}; " +
        $"corrupted: [{string.Join("; ", Corruptions)}]";
}
