namespace Samverkan.DischargeNotices.Domain.Cases;

// Interventions the treating physician judges the patient will need after discharge.
public enum CareNeed
{
    SocialServices,         // socialtjänst
    MunicipalHealthCare,    // kommunal hälso- och sjukvård (implies outpatient care)
    OutpatientCare,         // regionens öppna vård
}
