namespace Samverkan.SipPlans.Domain.Plans;

// Samtycke: recorded before anything is shared; specific (organisations and purposes), time-limited,
// withdrawable at any time. Withdrawal ends the covered organisations' access; the history stays.
public sealed partial class SipPlan
{
    private static readonly TimeSpan MaxConsentDuration = TimeSpan.FromDays(5 * 366);

    public ConsentRecorded RecordConsent(ConsentGiver giver, ConsentForm form, IReadOnlyCollection<string> organisations,
        IReadOnlyCollection<ConsentPurpose> purposes, DateTimeOffset givenAt, DateTimeOffset? validUntil, StepContext context)
    {
        PlanTransitions.Ensure(PlanStep.RecordConsent, State);
        if (form == ConsentForm.FromDischargeCase)
        {
            throw RuleViolation.Invalid("consent.form", "consent.form FROM_DISCHARGE_CASE is recorded by the service itself; give VERBAL, WRITTEN or DIGITAL.");
        }
        if (organisations.Count == 0) throw RuleViolation.Invalid("consent.organisations", "consent.organisations must name at least one organisation.");
        TextInput.Count(organisations, "consent.organisations", PlanLimits.MaxOrganisationsPerConsent);
        foreach (var code in organisations)
        {
            if (context.Directory.FindOrganisation(code) is null)
            {
                throw RuleViolation.Invalid("consent.organisations", $"consent.organisations names {TextInput.EchoedId(code)}, which is not an organisation of the platform (SCB municipality code or \"20\").");
            }
        }
        if (purposes.Count == 0) throw RuleViolation.Invalid("consent.purposes", "consent.purposes must name at least one purpose.");
        context.EnsurePlausiblePast(givenAt, context.Now - PlanLimits.MaxPastRecord, "consent.given_at");
        if (validUntil is { } until && (until <= givenAt || until > givenAt + MaxConsentDuration))
        {
            throw RuleViolation.Invalid("consent.valid_until", "consent.valid_until must be after given_at and at most five years later.");
        }
        if (giver == ConsentGiver.Guardian && !Person.IsChildOn(context.Today))
        {
            throw RuleViolation.Invalid("consent.giver", "A guardian (vårdnadshavare) consents only for a child; the person is an adult and consents themselves or through a legal representative.");
        }

        return Append(new ConsentRecorded
        {
            Sequence = NextSequence, OccurredAt = givenAt, RecordedAt = context.Now, Actor = context.Actor,
            Grant = new ConsentGrant($"c{NextSequence}", giver, form, organisations.Distinct().ToList(), purposes.Distinct().ToList(),
                givenAt, validUntil, context.Actor),
        });
    }

    // Withdraws a consent for some of its organisations (none named = all). When no consent remains
    // in force for anyone, nothing may be shared any more and the plan closes.
    public IReadOnlyList<PlanEvent> WithdrawConsent(string consentId, IReadOnlyCollection<string> organisations, DateTimeOffset withdrawnAt, StepContext context)
    {
        PlanTransitions.Ensure(PlanStep.WithdrawConsent, State);
        var grant = _consent.Find(consentId)
            ?? throw RuleViolation.Invalid("consent_id", $"consent_id {TextInput.EchoedId(consentId)} names no consent of this plan.");
        context.EnsurePlausiblePast(withdrawnAt, grant.ValidFrom, "withdrawn_at");
        var remaining = _consent.RemainingOrganisations(grant, withdrawnAt);
        var withdrawn = organisations.Count == 0 ? remaining : organisations.Distinct().ToList();
        var notCovered = withdrawn.FirstOrDefault(o => !remaining.Contains(o));
        if (notCovered is not null)
        {
            throw RuleViolation.Invalid("organisations", $"Organisation {TextInput.EchoedId(notCovered)} is not (or no longer) covered by consent {grant.Id}.");
        }
        if (withdrawn.Count == 0)
        {
            throw RuleViolation.State($"Consent {grant.Id} is already withdrawn for every organisation.", new PreconditionSubject("CONSENT", grant.Id));
        }

        var events = new List<PlanEvent>
        {
            Append(new ConsentWithdrawn
            {
                Sequence = NextSequence, OccurredAt = withdrawnAt, RecordedAt = context.Now, Actor = context.Actor,
                GrantId = grant.Id, Organisations = withdrawn.ToList(),
            }),
        };
        if (!_consent.AnyInForce(withdrawnAt))
        {
            events.Add(Append(new PlanClosed
            {
                Sequence = NextSequence, OccurredAt = withdrawnAt, RecordedAt = context.Now, Actor = context.Actor,
                Reason = ClosureReason.ConsentWithdrawn,
            }));
        }
        return events;
    }

    public bool Covers(string organisation, ConsentPurpose purpose, DateTimeOffset at) => _consent.Covers(organisation, purpose, at);

    private void RequireConsentInForce(StepContext context)
    {
        if (!_consent.AnyInForce(context.Now))
        {
            throw RuleViolation.State("No consent of the person is in force; record the consent (RecordConsent) first.",
                new PreconditionSubject("CONSENT", "ANY"));
        }
    }

    private void RequireCoverage(string organisation, ConsentPurpose purpose, DateTimeOffset at)
    {
        if (!_consent.Covers(organisation, purpose, at))
        {
            throw new RuleViolationWithKind(ViolationKind.MissingConsent,
                $"The person's consent does not cover organisation {organisation} for {ConsentNames.ContractName(purpose)}; record a consent that names it first.",
                new PreconditionSubject("CONSENT", $"{organisation}/{ConsentNames.ContractName(purpose)}"));
        }
    }
}
