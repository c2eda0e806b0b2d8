namespace Samverkan.SharedKernel.Directory;

// What a unit does, as listed in deploy/directory/units.json.
public enum UnitKind
{
    Inpatient,              // slutenvård
    Outpatient,             // öppenvård, e.g. hälsocentral or psychiatric outpatient care
    SocialServices,         // socialtjänst
    MunicipalHealthCare,    // kommunal hälso- och sjukvård
    RelativeSupport,        // anhörigstöd
    PersonalOmbudsman,      // personligt ombud
}
