using Samverkan.Contracts.Common.V1;
using Samverkan.DischargeNotices.Application.Commands;
using Samverkan.DischargeNotices.Application.Queries;
using Proto = Samverkan.Contracts.Discharge.V1;

namespace Samverkan.DischargeNotices.Grpc.Mapping;

// Cases, events, notices and deadlines in the contract's shape. The one privacy rule applied here:
// the address of a patient with protected identity is never written into any response, and a
// broad list shows such a patient only as "protected".
public static class CaseMapper
{
    public static Proto.DischargeCase ToProto(DischargeCase @case, IReadOnlyList<DeadlineStatus> deadlines, DateTimeOffset now)
    {
        var message = new Proto.DischargeCase
        {
            CaseId = @case.Id,
            Status = ProtoEnums.ToProto(@case.Status),
            Patient = ToProto(@case.Patient),
            ResidenceMunicipality = Organisation(@case.ResidenceMunicipality),
            SendingUnit = Unit(@case.SendingUnitId),
            CareType = ProtoEnums.ToProto(@case.Admission.CareType),
            AdmittedAt = ProtoTime.ToProto(@case.AdmittedAt),
            EstimatedDischargeDate = ProtoTime.ToProto(@case.EstimatedDischargeDate),
            ReadySince = ProtoTime.ToProto(@case.ReadinessInForce?.SentAt),
            DischargedAt = ProtoTime.ToProto(@case.Discharge?.OccurredAt),
            StayEndKind = ProtoEnums.ToProto(@case.StayEnd?.EndKind),
            StayEndedAt = ProtoTime.ToProto(@case.StayEnd?.OccurredAt),
        };
        if (@case.FixedCareContact is { } contact) message.FixedCareContact = ToProto(contact);
        message.Needs.AddRange(@case.Needs.Select(ProtoEnums.ToProto));
        message.Recipients.AddRange(@case.Recipients.Select(r => ToProto(r, @case)));
        message.ConsentScopes.AddRange(@case.ConsentScopesInForce(now).Select(ProtoEnums.ToProto));
        message.Events.AddRange(@case.Events.Select(e => ToProto(@case, e)));
        message.Deadlines.AddRange(deadlines.Select(ToProto));
        return message;
    }

    // broadList: a list the caller did not ask for by person (open cases, past-deadline lists).
    public static Proto.CaseSummary ToSummary(DischargeCase @case, bool broadList)
    {
        var summary = new Proto.CaseSummary
        {
            CaseId = @case.Id,
            Status = ProtoEnums.ToProto(@case.Status),
            Patient = broadList && @case.Patient.ProtectedIdentity ? new Proto.Patient { ProtectedIdentity = true } : ToProto(@case.Patient, clip: true),
            ResidenceMunicipality = Organisation(@case.ResidenceMunicipality),
            SendingUnit = Unit(@case.SendingUnitId),
            AdmittedAt = ProtoTime.ToProto(@case.AdmittedAt),
            EstimatedDischargeDate = ProtoTime.ToProto(@case.EstimatedDischargeDate),
            ReadySince = ProtoTime.ToProto(@case.ReadinessInForce?.SentAt),
            DischargedAt = ProtoTime.ToProto(@case.Discharge?.OccurredAt),
            StayEndKind = ProtoEnums.ToProto(@case.StayEnd?.EndKind),
            StayEndedAt = ProtoTime.ToProto(@case.StayEnd?.OccurredAt),
            UnacknowledgedNotices = @case.Notices.Count(n => n.Addressees.Any(u => @case.AcknowledgementOf(n.Sequence, u) is null)),
        };
        summary.Recipients.AddRange(@case.Recipients.Select(r => ToProto(r, @case)));
        return summary;
    }

    // clip: in lists (summaries), text stored before the input bounds existed is cut to the bound,
    // so every list item, and with it every page, has a known maximum size. GetCase returns it whole.
    public static Proto.Patient ToProto(Patient patient, bool clip = false)
    {
        var message = new Proto.Patient
        {
            PersonalIdentityNumber = new PersonalIdentityNumber { Value = patient.PersonalIdentityNumber.Value },
            GivenName = Clip(patient.GivenName, TextBounds.Name, clip),
            FamilyName = Clip(patient.FamilyName, TextBounds.Name, clip),
            ProtectedIdentity = patient.ProtectedIdentity,
        };
        if (!patient.ProtectedIdentity && patient.RegisteredAddress is { } address)
        {
            message.RegisteredAddress = new Proto.PostalAddress
            {
                Street = Clip(address.Street, TextBounds.Street, clip),
                PostalCode = Clip(address.PostalCode, TextBounds.PostalCode, clip),
                City = Clip(address.City, TextBounds.City, clip),
            };
        }
        return message;
    }

    private static string Clip(string text, int maxLength, bool clip)
    {
        if (!clip || text.Length <= maxLength) return text;
        var end = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;   // never half a character
        return text[..end];
    }

    public static Proto.CaseEvent ToProto(DischargeCase @case, CaseEvent @event)
    {
        var message = new Proto.CaseEvent
        {
            Sequence = @event.Sequence,
            OccurredAt = ProtoTime.ToProto(@event.OccurredAt),
            RecordedAt = ProtoTime.ToProto(@event.RecordedAt),
            Actor = new Proto.Actor
            {
                Organisation = Organisation(@event.Actor.OrganisationCode),
                Unit = @event.Actor.UnitId is { } unit ? Unit(unit) : null,
                System = @event.Actor.System,
            },
        };
        if (@event is NoticeEvent notice)
        {
            message.Addressees.AddRange(notice.Addressees.Select(u => new Proto.Addressee
            {
                Unit = Unit(u),
                AcknowledgedAt = ProtoTime.ToProto(@case.AcknowledgementOf(notice.Sequence, u)?.RecordedAt),
            }));
            if (notice.Telephone is { } call) message.TelephoneNotice = ToProto(call);
        }

        switch (@event)
        {
            case AdmissionNoticeSent admission:
                var detail = new Proto.AdmissionNoticeSent
                {
                    AdmittedAt = ProtoTime.ToProto(admission.OccurredAt),
                    NeedsAssessedAt = ProtoTime.ToProto(admission.NeedsAssessedAt),
                    CareType = ProtoEnums.ToProto(admission.CareType),
                    EstimatedDischargeDate = ProtoTime.ToProto(admission.EstimatedDischargeDate),
                    Consent = ToProto(admission.Consent),
                };
                detail.Needs.AddRange(admission.Needs.Select(ProtoEnums.ToProto));
                message.AdmissionNoticeSent = detail;
                break;
            case EstimatedDischargeDateChanged changed:
                message.EstimatedDischargeDateChanged = new() { EstimatedDischargeDate = ProtoTime.ToProto(changed.EstimatedDischargeDate) };
                break;
            case ConsentRecorded recorded:
                message.ConsentRecorded = new() { Consent = ToProto(recorded.Consent) };
                break;
            case ConsentWithdrawn withdrawn:
                message.ConsentWithdrawn = new();
                message.ConsentWithdrawn.Scopes.AddRange(withdrawn.Scopes.Select(ProtoEnums.ToProto));
                break;
            case FixedCareContactAppointed appointed:
                message.FixedCareContactAppointed = new() { Contact = ToProto(appointed.Contact) };
                break;
            case ReadinessNotified:
                message.ReadinessNotified = new();
                break;
            case ReadinessWithdrawn withdrawal:
                message.ReadinessWithdrawn = new() { Reason = ProtoEnums.ToProto(withdrawal.Reason) };
                break;
            case InformationTransferred transferred:
                message.InformationTransferred = new() { Summary = transferred.Summary };
                break;
            case SipInvitationRecorded invitation:
                message.SipInvitationRecorded = new() { SipPlanId = invitation.SipPlanId ?? "" };
                break;
            case PatientDischarged:
                message.PatientDischarged = new();
                break;
            case NoticeAcknowledged acknowledged:
                message.NoticeAcknowledged = new() { NoticeSequence = acknowledged.NoticeSequence, Unit = Unit(acknowledged.UnitId) };
                break;
            case DeadlineBreached breach:
                message.DeadlineBreached = new() { Kind = ProtoEnums.ToProto(breach.Kind), DueAt = ProtoTime.ToProto(breach.DueAt) };
                break;
            default:
                EndOfStayMapper.Fill(message, @event);
                break;
        }
        return message;
    }

    public static Proto.Deadline ToProto(DeadlineStatus deadline) => new()
    {
        Kind = ProtoEnums.ToProto(deadline.Kind),
        State = ProtoEnums.ToProto(deadline.State),
        DueAt = ProtoTime.ToProto(deadline.DueAt),
        MetAt = ProtoTime.ToProto(deadline.MetAt),
        ResponsibleOrganisation = Organisation(deadline.ResponsibleOrganisation),
        ResponsibleUnit = deadline.ResponsibleUnit is { } unit ? Unit(unit) : null,
        StartedBySequence = deadline.StartedBySequence,
    };

    public static Proto.Notice ToNotice(InboxItem item) => new()
    {
        CaseId = item.Case.Id,
        EventSequence = item.Notice.Sequence,
        Kind = ProtoEnums.ToProto(item.Notice.Kind),
        SentAt = ProtoTime.ToProto(item.Notice.SentAt),
        Addressee = Unit(item.UnitId),
        AcknowledgedAt = ProtoTime.ToProto(item.Acknowledgement?.RecordedAt),
        Case = ToSummary(item.Case, broadList: false),
        Event = ToProto(item.Case, item.Notice),
    };

    public static Proto.CaseEventAccepted ToAccepted(CommandOutcome outcome) => new()
    {
        CaseId = outcome.Case.Id,
        EventSequence = outcome.Event.Sequence,
        RecordedAt = ProtoTime.ToProto(outcome.Event.RecordedAt),
        Replayed = outcome.Replayed,
        Status = ProtoEnums.ToProto(outcome.Case.Status),
    };

    public static Proto.Recipient ToProto(RecipientUnit recipient) => new()
    {
        Unit = Unit(recipient.UnitId),
        Organisation = Organisation(recipient.OrganisationCode),
        Kind = ProtoEnums.ToProto(recipient.Kind),
        UnitName = recipient.UnitName,
    };

    // With the unit's latest planning step on the case.
    public static Proto.Recipient ToProto(RecipientUnit recipient, DischargeCase @case)
    {
        var message = ToProto(recipient);
        if (@case.PlanningStepOf(recipient.UnitId) is { } step)
        {
            message.PlanningStep = ProtoEnums.ToProto(step.Step);
            message.PlanningStepAt = ProtoTime.ToProto(step.OccurredAt);
        }
        return message;
    }

    public static Proto.TelephoneNotice ToProto(TelephoneNotice call) => new()
    {
        GivenAt = ProtoTime.ToProto(call.GivenAt),
        Reason = ProtoEnums.ToProto(call.Reason),
    };

    public static Proto.Consent ToProto(ConsentGrant consent)
    {
        var message = new Proto.Consent
        {
            GivenAt = ProtoTime.ToProto(consent.GivenAt),
            Form = ProtoEnums.ToProto(consent.Form),
            Giver = ProtoEnums.ToProto(consent.Giver),
            ValidUntil = ProtoTime.ToProto(consent.ValidUntil),
        };
        message.Scopes.AddRange(consent.Scopes.Select(ProtoEnums.ToProto));
        return message;
    }

    private static Proto.FixedCareContact ToProto(FixedCareContact contact) => new()
    {
        Unit = Unit(contact.UnitId),
        Name = contact.Name,
        Title = contact.Title,
        Phone = contact.Phone,
        AppointedAt = ProtoTime.ToProto(contact.AppointedAt),
    };

    public static UnitRef Unit(string id) => new() { Id = id };

    public static OrganisationRef Organisation(string code) => new() { Code = code };
}
