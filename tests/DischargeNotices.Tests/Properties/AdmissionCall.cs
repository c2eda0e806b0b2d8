using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Discharge.V1;

namespace Samverkan.DischargeNotices.Tests.Properties;

// A SendAdmissionNotice call about to be made: who calls, and the request (mutable, so
// corruptions can be applied one after the other).
public sealed class AdmissionCall(string caller, bool callerIsSystem, SendAdmissionNoticeRequest request)
{
    public string Caller { get; set; } = caller;

    public bool CallerIsSystem { get; set; } = callerIsSystem;

    public SendAdmissionNoticeRequest Request { get; } = request;

    // The parts a corruption changes, created empty when an earlier corruption removed them: "consent
    // unset" then "consent form 7" is a consent with nothing but a bad form, a case of its own.
    public Patient Patient => Request.Patient ??= new Patient();

    public PostalAddress Address => Patient.RegisteredAddress ??= new PostalAddress();

    public Consent Consent => Request.Consent ??= new Consent();

    // What the call carries that must never come back in a refusal.
    public IEnumerable<string> PersonalData()
    {
        var patient = Request.Patient;
        if (patient is null) yield break;
        if (patient.PersonalIdentityNumber?.Value is { } number)
        {
            yield return number;
            var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
            yield return digits;
            if (digits.Length == 12) yield return digits[2..];
        }
        yield return patient.GivenName;
        yield return patient.FamilyName;
        if (patient.RegisteredAddress is { } address) yield return address.Street;
    }
}
