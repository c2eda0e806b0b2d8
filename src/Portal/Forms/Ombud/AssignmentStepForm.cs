using Samverkan.Contracts.Ombud.V1;

namespace Samverkan.Portal.Forms.Ombud;

// The ombudsman's steps on one assignment (goal, working note, contact, closing), kept as a draft
// per assignment so a note survives an ended session. One request id per step, renewed after it
// was recorded: a double click or a retry records it once.
public sealed class AssignmentStepForm
{
    public const int MaxGoal = 1_000, MaxNote = 4_000, MaxAuthority = 200, MaxAbout = 1_000;

    public string GoalText { get; set; } = "";
    public string NoteText { get; set; } = "";
    public AuthorityKind ContactKind { get; set; } = AuthorityKind.Unspecified;
    public string ContactName { get; set; } = "";
    public string ContactAbout { get; set; } = "";
    public DateOnly? ContactOn { get; set; }
    public Outcome Outcome { get; set; } = Outcome.Unspecified;
    public DateOnly? ClosedOn { get; set; }
    public HashSet<Area> Areas { get; set; } = [];
    public HashSet<string> SelectedEntries { get; } = [];

    public string GoalRequestId { get; set; } = Guid.NewGuid().ToString();
    public string NoteRequestId { get; set; } = Guid.NewGuid().ToString();
    public string ContactRequestId { get; set; } = Guid.NewGuid().ToString();
    public string CloseRequestId { get; set; } = Guid.NewGuid().ToString();

    public Dictionary<string, string> GoalErrors()
    {
        var errors = new Dictionary<string, string>();
        FieldRules.Text(errors, "mal-text", GoalText, MaxGoal, "Skriv klientens mål med klientens egna ord.");
        return errors;
    }

    public Dictionary<string, string> NoteErrors()
    {
        var errors = new Dictionary<string, string>();
        FieldRules.Text(errors, "anteckning-text", NoteText, MaxNote, "Skriv anteckningen.");
        return errors;
    }

    public Dictionary<string, string> ContactErrors(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (ContactKind == AuthorityKind.Unspecified) errors["kontakt-slag"] = "Välj vilken sorts myndighet eller organisation du kontaktade.";
        FieldRules.Text(errors, "kontakt-namn", ContactName, MaxAuthority, "Skriv vilken myndighet eller organisation, till exempel Försäkringskassan, Falun.");
        FieldRules.Text(errors, "kontakt-om", ContactAbout, MaxAbout, "Skriv vad kontakten gällde.");
        FieldRules.PastDate(errors, "kontakt-datum", ContactOn, today, "Fyll i vilken dag kontakten togs.");
        return errors;
    }

    public Dictionary<string, string> CloseErrors(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (Outcome == Outcome.Unspecified) errors["avslut-orsak"] = "Välj hur uppdraget slutade.";
        FieldRules.PastDate(errors, "avslut-datum", ClosedOn, today, "Fyll i vilken dag uppdraget avslutades.");
        return errors;
    }
}
