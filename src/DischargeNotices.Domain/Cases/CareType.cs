namespace Samverkan.DischargeNotices.Domain.Cases;

// Payment agreements may set different thresholds for somatic and psychiatric inpatient care.
public enum CareType
{
    Somatic,
    Psychiatric,
}
