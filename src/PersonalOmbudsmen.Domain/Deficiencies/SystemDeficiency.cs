using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Rules;

namespace Samverkan.PersonalOmbudsmen.Domain.Deficiencies;

public enum DeficiencyKind
{
    ResponsibilityGap = 1,
    Coordination = 2,
    Rules = 3,
    WaitingTimes = 4,
    Accessibility = 5,
    Information = 6,
    MissingService = 7,
    Other = 8,
}

public enum DeficiencyStatus
{
    Reported = 1,
    ToBeForwarded = 2,
    HandledLocally = 3,
    Forwarded = 4,
}

public enum ReviewDecision
{
    ForwardToCountyBoard = 1,
    HandleLocally = 2,
}

// A system deficiency (systembrist): something in the authorities' way of working that fails the
// target group, observed by a PO and reported without personal data to the PO steering group
// (ledningsgrupp), which reviews it and forwards it to the county administrative board
// (Länsstyrelsen). Lifecycle: Reported → ToBeForwarded → Forwarded, or Reported → HandledLocally.
public sealed class SystemDeficiency(
    string id,
    string municipalityCode,
    string reportedByUnitId,
    DateOnly reportedOn,
    AuthorityKind authorityKind,
    string authorityName,
    DeficiencyKind kind,
    string description,
    DeficiencyStatus status = DeficiencyStatus.Reported,
    DateOnly? reviewedOn = null,
    string reviewComment = "",
    DateOnly? forwardedOn = null)
{
    public string Id { get; } = id;
    public string MunicipalityCode { get; } = municipalityCode;
    public string ReportedByUnitId { get; } = reportedByUnitId;
    public DateOnly ReportedOn { get; } = reportedOn;
    public AuthorityKind AuthorityKind { get; } = authorityKind;
    public string AuthorityName { get; } = authorityName;
    public DeficiencyKind Kind { get; } = kind;
    public string Description { get; } = description;
    public DeficiencyStatus Status { get; private set; } = status;
    public DateOnly? ReviewedOn { get; private set; } = reviewedOn;
    public string ReviewComment { get; private set; } = reviewComment;
    public DateOnly? ForwardedOn { get; private set; } = forwardedOn;

    public static SystemDeficiency Report(
        string id,
        string municipalityCode,
        string unitId,
        AuthorityKind authorityKind,
        string? authorityName,
        DeficiencyKind kind,
        string? description,
        DateOnly? observedOn,
        DateOnly today)
    {
        var name = FreeText.Required("authority_name", authorityName, Bounds.AuthorityNameLength);
        PersonalDataScreen.Require("authority_name", name);
        var text = FreeText.Required("description", description, Bounds.DeficiencyDescriptionLength, Bounds.DeficiencyDescriptionMinLength);
        PersonalDataScreen.Require("description", text);
        var day = observedOn is { } observed ? Instants.PlausibleDate("observed_on", observed, today) : today;
        return new SystemDeficiency(id, municipalityCode, unitId, day,
            Vocabulary.Require("authority_kind", authorityKind), name, Vocabulary.Require("kind", kind), text);
    }

    public void Review(ReviewDecision decision, string? comment, DateOnly today)
    {
        var chosen = Vocabulary.Require("decision", decision);
        var text = FreeText.Optional("comment", comment, Bounds.ReviewCommentLength);
        PersonalDataScreen.Require("comment", text);
        if (Status != DeficiencyStatus.Reported)
        {
            throw OmbudRuleViolation.State(OmbudRuleViolation.DeficiencyState, $"Deficiency {Id} was already reviewed ({Status}).");
        }
        Status = chosen == ReviewDecision.ForwardToCountyBoard ? DeficiencyStatus.ToBeForwarded : DeficiencyStatus.HandledLocally;
        ReviewedOn = today;
        ReviewComment = text;
    }

    public void MarkForwarded(DateOnly? forwardedOn, DateOnly today)
    {
        if (forwardedOn is not { } day)
        {
            throw OmbudRuleViolation.Invalid("forwarded_on", "forwarded_on is required.");
        }
        if (Status != DeficiencyStatus.ToBeForwarded)
        {
            throw OmbudRuleViolation.State(OmbudRuleViolation.DeficiencyState,
                $"Deficiency {Id} is {Status}; only a deficiency the steering group decided to forward (ToBeForwarded) can be marked forwarded.");
        }
        ForwardedOn = Instants.PlausibleDate("forwarded_on", day, today, ReviewedOn, "the review");
        Status = DeficiencyStatus.Forwarded;
    }
}
