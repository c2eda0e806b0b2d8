namespace Samverkan.ServiceDefaults.Authorization;

// Realm roles of the samverkan realm (deploy/keycloak). Each names a duty in the users' world,
// not a screen or a service; services decide which duties may call which RPC.
public static class PlatformRoles
{
    // Takes part in SIP work (samordnad individuell plan): social services, health care, school.
    public const string SipParticipant = "sip-participant";

    // Inpatient staff of the region who send admission and readiness notices (slutenvård).
    public const string DischargeSender = "discharge-sender";

    // Staff of receiving units: municipal social services, municipal health care, region outpatient care.
    public const string DischargeReceiver = "discharge-receiver";

    // Relative consultant (anhörigkonsulent) of a municipality.
    public const string RelativeConsultant = "relative-consultant";

    // Personal ombudsman (personligt ombud).
    public const string PersonalOmbudsman = "personal-ombudsman";

    // Member of a municipality's PO steering group (ledningsgrupp för personligt ombud): reviews
    // system deficiencies and forwards them to Länsstyrelsen; sees aggregates, never assignments.
    public const string PoSteeringGroup = "po-steering-group";

    // Reviews the access log of their own organisation (logguppföljning).
    public const string Auditor = "auditor";

    // Sees aggregated, suppressed statistics only; never personal data.
    public const string Analyst = "analyst";

    // Platform administration (agreements, reference data); no access to personal data by this role alone.
    public const string Administrator = "administrator";

    // Runs the platform (drift): sees service health and operational metrics in the portal; no
    // access to personal data by this role alone.
    public const string Operations = "operations";

    // Who may call the access log at all (review, extracts, chain checks): logguppföljning is the
    // auditors' duty; an administrator has no business there. The one rule for it: the gateway's
    // access-log route policy and the access log service's own checks both read this list.
    public static readonly IReadOnlyList<string> AccessLogCallers = [Auditor];

    public static readonly IReadOnlyList<string> All =
    [
        SipParticipant, DischargeSender, DischargeReceiver, RelativeConsultant,
        PersonalOmbudsman, PoSteeringGroup, Auditor, Analyst, Administrator, Operations,
    ];
}
