using Samverkan.Contracts.Discharge.V1;

namespace Samverkan.Portal.Display;

// How a patient is named in lists: "Namn Efternamn, ÅÅÅÅMMDD-NNNN". A patient with protected
// identity in a broad list arrives without name or number and is shown as such.
public static class PatientText
{
    public static string Name(Patient? patient) =>
        patient is null || (patient.ProtectedIdentity && patient.GivenName.Length == 0)
            ? "Skyddad identitet"
            : $"{patient.GivenName} {patient.FamilyName}";

    public static string Number(Patient? patient) =>
        patient?.PersonalIdentityNumber?.Value is { Length: 12 } value ? value[..8] + "-" + value[8..] : "";
}
