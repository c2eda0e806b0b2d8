using Samverkan.Contracts.Audit.V1;
using Samverkan.Contracts.Discharge.V1;

namespace Samverkan.Portal.Display;

// The words staff use for the contracts' vocabulary.
public static class SwedishNames
{
    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.Admitted => "Inskriven",
        CaseStatus.ReadyForDischarge => "Utskrivningsklar",
        CaseStatus.Discharged => "Utskriven",
        _ => "Okänt läge",
    };

    public static string Of(NoticeKind kind) => kind switch
    {
        NoticeKind.Admission => "Inskrivningsmeddelande",
        NoticeKind.EstimatedDischargeDateChanged => "Ändrad beräknad utskrivningsdag",
        NoticeKind.FixedCareContactAppointed => "Fast vårdkontakt utsedd",
        NoticeKind.ReadyForDischarge => "Underrättelse om utskrivningsklar patient",
        NoticeKind.ReadinessWithdrawn => "Återtagen underrättelse om utskrivningsklar",
        NoticeKind.InformationTransfer => "Informationsöverföring",
        NoticeKind.Discharged => "Meddelande om utskrivning",
        _ => "Meddelande",
    };

    public static string Of(DeadlineKind kind) => kind switch
    {
        DeadlineKind.AdmissionNotice => "Inskrivningsmeddelande inom 24 timmar",
        DeadlineKind.InformationTransfer => "Informationsöverföring senast utskrivningsdagen",
        DeadlineKind.SipInvitation => "Kallelse till SIP inom 3 dagar",
        DeadlineKind.FixedCareContact => "Fast vårdkontakt före utskrivning",
        _ => "Tidsgräns",
    };

    public static string Of(DeadlineState state) => state switch
    {
        DeadlineState.Pending => "Pågår",
        DeadlineState.Met => "Uppfylld i tid",
        DeadlineState.Overdue => "Försenad",
        DeadlineState.MetLate => "Uppfylld för sent",
        DeadlineState.Cancelled => "Gäller inte längre",
        _ => "Okänt",
    };

    public static string Of(CareNeed need) => need switch
    {
        CareNeed.SocialServices => "Socialtjänst",
        CareNeed.MunicipalHealthCare => "Kommunal hälso- och sjukvård",
        CareNeed.OutpatientCare => "Öppen vård (regionen)",
        _ => "Okänt behov",
    };

    public static string Of(CareType type) => type switch
    {
        CareType.Somatic => "Somatisk vård",
        CareType.Psychiatric => "Psykiatrisk vård",
        _ => "Okänd vårdform",
    };

    public static string Of(AccessAction action) => action switch
    {
        AccessAction.Read => "Läsning",
        AccessAction.Create => "Registrering",
        AccessAction.Change => "Ändring",
        AccessAction.Delete => "Radering",
        AccessAction.Disclose => "Utlämnande",
        AccessAction.Export => "Export",
        AccessAction.Print => "Utskrift",
        _ => action.ToString(),
    };

    public static string Of(AccessFlag flag) => flag switch
    {
        AccessFlag.OutsideOwnUnit => "Utanför egen enhet",
        AccessFlag.OutsideOwnOrganisation => "Utanför egen organisation",
        AccessFlag.ProtectedIdentity => "Skyddad identitet",
        _ => "",
    };

    public static string Describe(CaseEvent @event) => @event.DetailCase switch
    {
        CaseEvent.DetailOneofCase.AdmissionNoticeSent => "Inskrivningsmeddelande skickat",
        CaseEvent.DetailOneofCase.EstimatedDischargeDateChanged => "Beräknad utskrivningsdag ändrad till " + SwedishTime.Format(@event.EstimatedDischargeDateChanged.EstimatedDischargeDate),
        CaseEvent.DetailOneofCase.ConsentRecorded => "Samtycke registrerat",
        CaseEvent.DetailOneofCase.ConsentWithdrawn => "Samtycke återkallat",
        CaseEvent.DetailOneofCase.FixedCareContactAppointed => "Fast vårdkontakt utsedd",
        CaseEvent.DetailOneofCase.ReadinessNotified => "Underrättelse om utskrivningsklar patient",
        CaseEvent.DetailOneofCase.ReadinessWithdrawn => "Underrättelse om utskrivningsklar återtagen",
        CaseEvent.DetailOneofCase.InformationTransferred => "Information överförd",
        CaseEvent.DetailOneofCase.SipInvitationRecorded => "Kallelse till SIP registrerad",
        CaseEvent.DetailOneofCase.PatientDischarged => "Patienten utskriven",
        CaseEvent.DetailOneofCase.NoticeAcknowledged => $"Meddelande {@event.NoticeAcknowledged.NoticeSequence} kvitterat",
        CaseEvent.DetailOneofCase.DeadlineBreached => "Tidsgräns överskriden: " + Of(@event.DeadlineBreached.Kind),
        _ => "Händelse",
    };
}
