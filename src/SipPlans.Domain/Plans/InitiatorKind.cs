namespace Samverkan.SipPlans.Domain.Plans;

// Who discovered the need and started the plan. In Dalarna the school may initiate for children.
public enum InitiatorKind
{
    MunicipalUnit,      // socialtjänst or kommunal hälso- och sjukvård
    RegionUnit,         // the region's health care
    School,             // skolan, only for a child
}

// Who proposed a SIP, when it was not the initiator's own judgement.
public enum ProposerKind
{
    None,
    Individual,         // the person themselves
    Relative,           // a närstående/anhörig
    OtherActor,         // e.g. Försäkringskassan, god man
}
