namespace Samverkan.SipPlans.Domain.Plans;

// The draft, the SIP meeting, agreeing a version and signing it.
public sealed partial class SipPlan
{
    // Replaces the draft. The caller sent the plan's revision it edited (checked by the application):
    // two organisations editing the same draft never overwrite each other silently.
    public ContentUpdated UpdateContent(PlanContent content, StepContext context)
    {
        PlanTransitions.Ensure(PlanStep.UpdateContent, State);
        RequireConsentInForce(context);
        return Append(new ContentUpdated
        {
            Sequence = NextSequence, OccurredAt = context.Now, RecordedAt = context.Now, Actor = context.Actor,
            Content = PlanContentInput.Validate(content, context),
        });
    }

    public MeetingRecorded RecordMeeting(MeetingRecord meeting, StepContext context)
    {
        PlanTransitions.Ensure(PlanStep.RecordMeeting, State);
        context.EnsurePlausiblePast(meeting.HeldAt, LatestInvitations!.OccurredAt, "meeting.held_at");
        return Append(new MeetingRecorded
        {
            Sequence = NextSequence, OccurredAt = meeting.HeldAt, RecordedAt = context.Now, Actor = context.Actor,
            Meeting = PlanContentInput.ValidMeeting(meeting),
        });
    }

    // Agrees the draft as a new version. Refused, naming everything missing, while the plan lacks
    // what the law and the guideline demand.
    public PlanAgreed Agree(StepContext context)
    {
        PlanTransitions.Ensure(PlanStep.Agree, State);
        RequireConsentInForce(context);
        var missing = PlanCompleteness.Check(Draft, LatestMeeting, _participants, Person, context.Today);
        if (missing.Count > 0)
        {
            throw RuleViolation.State(
                $"The plan cannot be agreed yet; it lacks: {string.Join("; ", missing.Select(m => $"{m.What} ({m.Field})"))}.",
                new PreconditionSubject("PLAN_CONTENT", missing[0].Field));
        }
        if (CurrentVersion is { } current && ReferenceEquals(current.Content, Draft) && ReferenceEquals(current.Meeting, LatestMeeting)
            && current.Participants.SequenceEqual(_participants))
        {
            throw RuleViolation.State($"Nothing changed since version {current.Number}; it is already agreed.",
                new PreconditionSubject("PLAN_VERSION", current.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return Append(new PlanAgreed
        {
            Sequence = NextSequence, OccurredAt = context.Now, RecordedAt = context.Now, Actor = context.Actor,
            VersionNumber = _versions.Count + 1,
        });
    }

    // A party signs the latest version. An organisation signs only for itself; the individual's
    // signature is recorded by a summoned principal. A signed version never changes.
    public VersionSigned Sign(int versionNumber, Signatory signatory, DateTimeOffset signedAt, StepContext context)
    {
        PlanTransitions.Ensure(PlanStep.Sign, State);
        var version = VersionNumbered(versionNumber)
            ?? throw RuleViolation.Invalid("version", $"The plan has no version {versionNumber}; it has {_versions.Count}.");
        if (version != CurrentVersion)
        {
            throw RuleViolation.State($"Version {versionNumber} was superseded by version {CurrentVersion!.Number}; sign the current version.",
                new PreconditionSubject("PLAN_VERSION", versionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (signatory.Kind == SignatoryKind.Organisation && signatory.OrganisationCode != context.Actor.OrganisationCode)
        {
            throw RuleViolation.Denied("An organisation signs only for itself.");
        }
        if (!version.RequiredSignatories.Contains(signatory))
        {
            throw RuleViolation.Denied($"{signatory} is not a party of version {versionNumber}.");
        }
        if (!version.Participants.Any(p => p.IsPrincipal && p.OrganisationCode == context.Actor.OrganisationCode))
        {
            throw RuleViolation.Denied("Only a summoned principal of the version records signatures.");
        }
        if (version.Signatures.Any(s => s.Signatory == signatory))
        {
            throw RuleViolation.Duplicate($"{signatory} has already signed version {versionNumber}.");
        }
        context.EnsurePlausiblePast(signedAt, version.AgreedAt, "signed_at");
        return Append(new VersionSigned
        {
            Sequence = NextSequence, OccurredAt = signedAt, RecordedAt = context.Now, Actor = context.Actor,
            VersionNumber = versionNumber, Signatory = signatory,
        });
    }
}
