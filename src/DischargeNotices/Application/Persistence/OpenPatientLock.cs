namespace Samverkan.DischargeNotices.Application.Persistence;

// "One open case per patient": a document keyed by the patient's pseudonymous reference, created
// with the admission (expected version 0 fails when one exists) and deleted with the discharge.
public sealed record OpenPatientLock(string CaseId);
