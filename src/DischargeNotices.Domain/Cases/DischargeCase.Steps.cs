namespace Samverkan.DischargeNotices.Domain.Cases;

// The steps of the discharge process. Each checks every rule before it appends anything, so a
// rejected step leaves the case exactly as it was.
public sealed partial class DischargeCase
{
    // Inskrivningsmeddelande: opens the case and addresses it to the routed recipients.
    public static DischargeCase Open(string id, AdmissionDetails details, IReadOnlyList<RecipientUnit> recipients, EventContext context)
    {
        ValidatePatient(details.Patient, context);
        context.EnsureNotInFuture(details.AdmittedAt, "admitted_at");
        if (details.AdmittedAt < LawInForceFrom)
        {
            throw CaseRuleViolation.Invalid("admitted_at", "admitted_at is before 2018-01-01, when Lag (2017:612) came into force.");
        }

        var assessedAt = details.NeedsAssessedAt ?? details.AdmittedAt;
        if (assessedAt < details.AdmittedAt)
        {
            throw CaseRuleViolation.Invalid("needs_assessed_at", "needs_assessed_at is before admitted_at; leave it unset when the needs were judged at admission.");
        }
        context.EnsureNotInFuture(assessedAt, "needs_assessed_at");

        if (details.Needs.Count == 0)
        {
            throw CaseRuleViolation.Invalid("needs", "Mark at least one need after discharge (social services, municipal health care or outpatient care).");
        }
        if (recipients.Count == 0)
        {
            throw CaseRuleViolation.Invalid("needs", "The needs route the notice to no recipient unit.");
        }
        if (details.EstimatedDischargeDate < SwedishCalendar.DateOf(details.AdmittedAt))
        {
            throw CaseRuleViolation.Invalid("estimated_discharge_date", "estimated_discharge_date is before the day of admission.");
        }
        EnsureWithinHorizon(details.EstimatedDischargeDate, context);

        ValidateConsent(details.Consent, context, "consent");
        ValidateTelephone(details.Telephone, details.AdmittedAt, "admitted_at", context, previousNotices: []);
        if (!details.Consent.Scopes.Contains(ConsentScope.SendNotices)
            || (details.Consent.ValidUntil is { } until && until <= context.Now))
        {
            throw CaseRuleViolation.ConsentMissing(ConsentScope.SendNotices);
        }

        var @case = new DischargeCase(id);
        @case.Append(new AdmissionNoticeSent
        {
            Sequence = 1,
            OccurredAt = details.AdmittedAt,
            RecordedAt = context.Now,
            Actor = context.Actor,
            Addressees = recipients.Select(r => r.UnitId).ToList(),
            Patient = details.Patient,
            ResidenceMunicipality = details.ResidenceMunicipality,
            SendingUnitId = details.SendingUnitId,
            SendingOrganisation = details.SendingOrganisation,
            CareType = details.CareType,
            Needs = details.Needs.Distinct().Order().ToList(),
            Recipients = recipients,
            NeedsAssessedAt = assessedAt,
            EstimatedDischargeDate = details.EstimatedDischargeDate,
            Consent = details.Consent,
            Telephone = details.Telephone,
        });
        return @case;
    }

    // A changed estimate is passed on "as soon as possible".
    public EstimatedDischargeDateChanged ChangeEstimatedDischargeDate(DateOnly date, DateTimeOffset? estimatedAt, EventContext context,
        TelephoneNotice? telephone = null)
    {
        EnsureOpen();
        RequireConsent(ConsentScope.SendNotices, context);
        var occurredAt = estimatedAt ?? context.Now;
        context.EnsureNotInFuture(occurredAt, "estimated_at");
        if (occurredAt < AdmittedAt)
        {
            throw CaseRuleViolation.State($"estimated_at is before the admission at {AdmittedAt:u}.");
        }
        if (date < SwedishCalendar.DateOf(AdmittedAt))
        {
            throw CaseRuleViolation.Invalid("estimated_discharge_date", "estimated_discharge_date is before the day of admission.");
        }
        EnsureWithinHorizon(date, context);
        if (date == EstimatedDischargeDate)
        {
            throw CaseRuleViolation.Duplicate($"The estimated discharge date is already {date:yyyy-MM-dd}; nothing to send.");
        }
        ValidateTelephone(telephone, occurredAt, "estimated_at", context);

        return Append(new EstimatedDischargeDateChanged
        {
            Sequence = NextSequence,
            OccurredAt = occurredAt,
            RecordedAt = context.Now,
            Actor = context.Actor,
            Addressees = RecipientUnitIds(),
            EstimatedDischargeDate = date,
            Telephone = telephone,
        });
    }

    // Underrättelse om utskrivningsklar patient.
    public ReadinessNotified NotifyReadyForDischarge(DateTimeOffset judgedReadyAt, EventContext context, TelephoneNotice? telephone = null)
    {
        EnsureOpen();
        if (ReadinessInForce is { } current)
        {
            throw CaseRuleViolation.Duplicate(
                $"A readiness notice is already in force (event {current.Sequence}, sent {current.RecordedAt:u}); withdraw it before notifying again.");
        }
        context.EnsureNotInFuture(judgedReadyAt, "judged_ready_at");
        if (judgedReadyAt < AdmittedAt)
        {
            throw CaseRuleViolation.State($"judged_ready_at is before the admission at {AdmittedAt:u}: readiness cannot precede admission.");
        }
        EnsureInOrder(judgedReadyAt, "judged_ready_at");
        ValidateTelephone(telephone, judgedReadyAt, "judged_ready_at", context);
        RequireConsent(ConsentScope.SendNotices, context);

        return Append(new ReadinessNotified
        {
            Sequence = NextSequence,
            OccurredAt = judgedReadyAt,
            RecordedAt = context.Now,
            Actor = context.Actor,
            Addressees = RecipientUnitIds(),
            Telephone = telephone,
        });
    }

    // The patient's condition changed: the readiness notice is withdrawn (it can be given again).
    public ReadinessWithdrawn WithdrawReadiness(DateTimeOffset withdrawnAt, ReadinessWithdrawalReason reason, EventContext context,
        TelephoneNotice? telephone = null)
    {
        EnsureOpen();
        if (ReadinessInForce is null)
        {
            throw CaseRuleViolation.State("No readiness notice is in force, so there is nothing to withdraw.");
        }
        context.EnsureNotInFuture(withdrawnAt, "withdrawn_at");
        EnsureInOrder(withdrawnAt, "withdrawn_at");
        ValidateTelephone(telephone, withdrawnAt, "withdrawn_at", context);
        RequireConsent(ConsentScope.SendNotices, context);

        return Append(new ReadinessWithdrawn
        {
            Sequence = NextSequence,
            OccurredAt = withdrawnAt,
            RecordedAt = context.Now,
            Actor = context.Actor,
            Addressees = RecipientUnitIds(),
            Reason = reason,
            Telephone = telephone,
        });
    }

    // Informationsöverföring. Allowed after the discharge too (late, and then a deviation), because
    // withholding the information would harm the patient more than a late transfer.
    public InformationTransferred TransferInformation(DateTimeOffset? transferredAt, string summary, EventContext context)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            throw CaseRuleViolation.Invalid("summary", "summary is empty: state the information the receiving units need.");
        }
        if (summary.Length > TextBounds.Summary)
        {
            throw CaseRuleViolation.Invalid("summary", $"summary is longer than {TextBounds.Summary} characters.");
        }
        var occurredAt = transferredAt ?? context.Now;
        context.EnsureNotInFuture(occurredAt, "transferred_at");
        if (occurredAt < AdmittedAt)
        {
            throw CaseRuleViolation.State($"transferred_at is before the admission at {AdmittedAt:u}.");
        }
        RequireConsent(ConsentScope.TransferInformation, context);

        return Append(new InformationTransferred
        {
            Sequence = NextSequence,
            OccurredAt = occurredAt,
            RecordedAt = context.Now,
            Actor = context.Actor,
            Addressees = RecipientUnitIds(),
            Summary = summary,
        });
    }

    // Utskrivning: closes the case. Requires a readiness notice in force. Needs no consent: the
    // recipients already know of the stay, and the discharge ends the payment clock.
    public PatientDischarged RegisterDischarge(DateTimeOffset dischargedAt, EventContext context, TelephoneNotice? telephone = null)
    {
        if (StayEnd is { } ended)
        {
            throw CaseRuleViolation.State($"The stay already ended ({ended.EndKind}, event {ended.Sequence}); the case is closed.");
        }
        if (Discharge is { } earlier)
        {
            throw CaseRuleViolation.Duplicate($"The discharge is already registered (event {earlier.Sequence}, {earlier.OccurredAt:u}).");
        }
        if (ReadinessInForce is null)
        {
            throw CaseRuleViolation.State(
                "Discharge before readiness: no readiness notice is in force. Send NotifyReadyForDischarge first.");
        }
        context.EnsureNotInFuture(dischargedAt, "discharged_at");
        EnsureInOrder(dischargedAt, "discharged_at");
        ValidateTelephone(telephone, dischargedAt, "discharged_at", context);

        return Append(new PatientDischarged
        {
            Sequence = NextSequence,
            OccurredAt = dischargedAt,
            RecordedAt = context.Now,
            Actor = context.Actor,
            Addressees = RecipientUnitIds(),
            Telephone = telephone,
        });
    }

    public ConsentRecorded RecordConsent(ConsentGrant consent, EventContext context)
    {
        EnsureOpen();
        ValidateConsent(consent, context, "consent");
        return Append(new ConsentRecorded
        {
            Sequence = NextSequence,
            OccurredAt = consent.GivenAt,
            RecordedAt = context.Now,
            Actor = context.Actor,
            Consent = consent,
        });
    }

    public ConsentWithdrawn WithdrawConsent(IReadOnlyList<ConsentScope> scopes, DateTimeOffset? withdrawnAt, EventContext context)
    {
        if (scopes.Count == 0)
        {
            throw CaseRuleViolation.Invalid("scopes", "Name at least one consent scope to withdraw.");
        }
        var occurredAt = withdrawnAt ?? context.Now;
        context.EnsureNotInFuture(occurredAt, "withdrawn_at");
        return Append(new ConsentWithdrawn
        {
            Sequence = NextSequence,
            OccurredAt = occurredAt,
            RecordedAt = context.Now,
            Actor = context.Actor,
            Scopes = scopes.Distinct().Order().ToList(),
        });
    }

    // Kvittens. Acknowledging again returns the first acknowledgement (Created = false).
    public (NoticeAcknowledged Acknowledgement, bool Created) Acknowledge(int noticeSequence, string unitId, EventContext context)
    {
        if (EventAt(noticeSequence) is not NoticeEvent notice)
        {
            throw CaseRuleViolation.Invalid("notice_sequence", $"Event {noticeSequence} of the case is not a notice.");
        }
        if (!notice.Addressees.Contains(unitId))
        {
            throw CaseRuleViolation.Invalid("notice_sequence", $"Notice {noticeSequence} was not addressed to unit {unitId}.");
        }
        if (AcknowledgementOf(noticeSequence, unitId) is { } existing)
        {
            return (existing, false);
        }

        var acknowledgement = Append(new NoticeAcknowledged
        {
            Sequence = NextSequence,
            OccurredAt = context.Now,
            RecordedAt = context.Now,
            Actor = context.Actor,
            NoticeSequence = noticeSequence,
            UnitId = unitId,
        });
        return (acknowledgement, true);
    }

    // Fast vårdkontakt, appointed by the head of an outpatient recipient unit. Told to the sending
    // unit and the other recipients. Appointing after the discharge is late (a deviation) but allowed.
    public FixedCareContactAppointed AppointFixedCareContact(string outpatientUnitId, string name, string title, string phone, EventContext context)
    {
        if (!OutpatientRecipients.Any(r => r.UnitId == outpatientUnitId))
        {
            throw CaseRuleViolation.Denied($"Unit {outpatientUnitId} is not an outpatient recipient of this case; only they appoint the fixed care contact.");
        }
        if (string.IsNullOrWhiteSpace(name) || name.Length > TextBounds.Name)
        {
            throw CaseRuleViolation.Invalid("name", $"name is required (at most {TextBounds.Name} characters).");
        }
        if (title.Length > TextBounds.Name || phone.Length > TextBounds.Phone)
        {
            throw CaseRuleViolation.Invalid(title.Length > TextBounds.Name ? "title" : "phone", "title or phone is too long.");
        }

        return Append(new FixedCareContactAppointed
        {
            Sequence = NextSequence,
            OccurredAt = context.Now,
            RecordedAt = context.Now,
            Actor = context.Actor,
            Addressees = CurrentUnits.Where(u => u != outpatientUnitId).ToList(),
            Contact = new FixedCareContact(outpatientUnitId, name.Trim(), title.Trim(), phone.Trim(), context.Now),
        });
    }

    // The fixed care contact called to the SIP (within 3 days of the readiness notice).
    // consentCheckedInSipPlans: recorded from the SIP plans service's SipInvitationSent, where the
    // person's consent to the SIP was required for the invitations (it may not be in this case).
    public SipInvitationRecorded RecordSipInvitation(string outpatientUnitId, DateTimeOffset invitedAt, string? sipPlanId, EventContext context,
        bool consentCheckedInSipPlans = false)
    {
        if (!OutpatientRecipients.Any(r => r.UnitId == outpatientUnitId))
        {
            throw CaseRuleViolation.Denied($"Unit {outpatientUnitId} is not an outpatient recipient of this case; the fixed care contact in outpatient care calls to the SIP.");
        }
        context.EnsureNotInFuture(invitedAt, "invited_at");
        if (invitedAt < AdmittedAt)
        {
            throw CaseRuleViolation.State($"invited_at is before the admission at {AdmittedAt:u}.");
        }
        if (sipPlanId?.Trim().Length > TextBounds.SipPlanId)
        {
            throw CaseRuleViolation.Invalid("sip_plan_id", $"sip_plan_id is longer than {TextBounds.SipPlanId} characters.");
        }
        if (!consentCheckedInSipPlans) RequireConsent(ConsentScope.Sip, context);

        return Append(new SipInvitationRecorded
        {
            Sequence = NextSequence,
            OccurredAt = invitedAt,
            RecordedAt = context.Now,
            Actor = context.Actor,
            SipPlanId = string.IsNullOrWhiteSpace(sipPlanId) ? null : sipPlanId.Trim(),
        });
    }

    // Records every deadline found missed that is not recorded yet, once each. Run after every step
    // and by the deadline monitor; returns the new breach events.
    public IReadOnlyList<DeadlineBreached> RecordNewBreaches(DeadlineEvaluator evaluator, DateTimeOffset now)
    {
        var breaches = new List<DeadlineBreached>();
        foreach (var deadline in evaluator.Evaluate(this, now))
        {
            if (!deadline.IsMissed || _recordedBreaches.Contains((deadline.Kind, deadline.StartedBySequence))) continue;
            breaches.Add(Append(new DeadlineBreached
            {
                Sequence = NextSequence,
                OccurredAt = now,
                RecordedAt = now,
                Actor = Actor.Service(deadline.ResponsibleOrganisation),
                Kind = deadline.Kind,
                DueAt = deadline.DueAt!.Value,
                StartedBySequence = deadline.StartedBySequence,
                ResponsibleOrganisation = deadline.ResponsibleOrganisation,
                ResponsibleUnit = deadline.ResponsibleUnit,
            }));
        }
        return breaches;
    }

    private List<string> RecipientUnitIds() => Recipients.Select(r => r.UnitId).ToList();

    private void EnsureOpen()
    {
        if (Discharge is { } discharge)
        {
            throw CaseRuleViolation.State($"The case was closed by the discharge at {discharge.OccurredAt:u}.");
        }
        if (StayEnd is { } ended)
        {
            throw CaseRuleViolation.State($"The case was closed when the stay ended ({ended.EndKind}) at {ended.OccurredAt:u}.");
        }
    }

    private void EnsureInOrder(DateTimeOffset occurredAt, string field)
    {
        if (occurredAt < LatestClinicalAt)
        {
            throw CaseRuleViolation.State(
                $"{field} is out of order: it is earlier than the case's latest step at {LatestClinicalAt:u}.");
        }
    }

    private void RequireConsent(ConsentScope scope, EventContext context)
    {
        if (!_consent.Covers(scope, context.Now)) throw CaseRuleViolation.ConsentMissing(scope);
    }

    private static void EnsureWithinHorizon(DateOnly estimatedDischargeDate, EventContext context)
    {
        if (estimatedDischargeDate > SwedishCalendar.DateOf(context.Now).AddDays(DateHorizon.EstimatedDischargeDays))
        {
            throw CaseRuleViolation.Invalid("estimated_discharge_date",
                $"estimated_discharge_date is more than {DateHorizon.EstimatedDischargeDays} days ahead; send the best estimate within that horizon and change it later.");
        }
    }

    private static void ValidatePatient(Patient patient, EventContext context)
    {
        // The number's form was checked when it was read; here: can it be a living person's birth date?
        if (!patient.PersonalIdentityNumber.IsPossibleBirthDateOn(SwedishCalendar.DateOf(context.Now), out var error))
        {
            throw CaseRuleViolation.Invalid("patient.personal_identity_number", $"patient.personal_identity_number {error}.");
        }
        if (string.IsNullOrWhiteSpace(patient.GivenName) || patient.GivenName.Length > TextBounds.Name)
        {
            throw CaseRuleViolation.Invalid("patient.given_name", $"patient.given_name is required (at most {TextBounds.Name} characters).");
        }
        if (string.IsNullOrWhiteSpace(patient.FamilyName) || patient.FamilyName.Length > TextBounds.Name)
        {
            throw CaseRuleViolation.Invalid("patient.family_name", $"patient.family_name is required (at most {TextBounds.Name} characters).");
        }
        if (patient.RegisteredAddress is { } address)
        {
            EnsureAtMost(address.Street, TextBounds.Street, "patient.registered_address.street");
            EnsureAtMost(address.PostalCode, TextBounds.PostalCode, "patient.registered_address.postal_code");
            EnsureAtMost(address.City, TextBounds.City, "patient.registered_address.city");
        }
    }

    private static void EnsureAtMost(string? text, int maxLength, string field)
    {
        if (text?.Length > maxLength)
        {
            throw CaseRuleViolation.Invalid(field, $"{field} is longer than allowed (at most {maxLength} characters).");
        }
    }

    private static void ValidateConsent(ConsentGrant consent, EventContext context, string field)
    {
        if (consent.Scopes.Count == 0)
        {
            throw CaseRuleViolation.Invalid($"{field}.scopes", "A consent names at least one scope.");
        }
        context.EnsureNotInFuture(consent.GivenAt, $"{field}.given_at");
        if (consent.ValidUntil is { } until && until <= consent.GivenAt)
        {
            throw CaseRuleViolation.Invalid($"{field}.valid_until", "valid_until must be later than given_at.");
        }
    }
}
