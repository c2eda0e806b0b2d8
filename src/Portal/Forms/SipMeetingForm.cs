using Samverkan.Contracts.Sip.V1;
using Samverkan.Portal.Display;

namespace Samverkan.Portal.Forms;

// SIP-mötet: the record of the meeting, following the agenda of Mötescirkeln, with the decisions
// taken (and the alternatives considered, as in shared decision-making) and the person's own view.
public sealed class SipMeetingForm
{
    public sealed class DecisionRow
    {
        public string Text { get; set; } = "";
        // One alternative per line.
        public string Alternatives { get; set; } = "";
    }

    public DateTime? HeldAt { get; set; }
    public bool Digital { get; set; }
    public bool IndividualPresent { get; set; } = true;
    public HashSet<AgendaItem> Agenda { get; } = [];
    public List<DecisionRow> Decisions { get; } = [new()];
    public string PersonsView { get; set; } = "";
    public string RequestId { get; set; } = Guid.NewGuid().ToString();

    public static readonly AgendaItem[] Circle =
        [AgendaItem.Opening, AgendaItem.CurrentSituation, AgendaItem.Needs, AgendaItem.GoalsAndInterventions, AgendaItem.Summary, AgendaItem.Closing];

    public static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    public Dictionary<string, string> Validate(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>();
        AdmissionForm.PastTime(errors, "mote-hallet", HeldAt, SwedishTime.Local(now).DateTime,
            "Fyll i när mötet hölls.", "Mötet kan inte registreras innan det har hållits.");
        if (Decisions.Count > 50) errors["beslut-1-text"] = "Högst 50 beslut.";
        for (var i = 0; i < Decisions.Count; i++)
        {
            var row = Decisions[i];
            SipRules.Required(errors, $"beslut-{i + 1}-text", row.Text, SipRules.ShortText, $"Skriv beslut {i + 1}, eller ta bort raden.");
            var alternatives = Lines(row.Alternatives).ToList();
            if (alternatives.Count == 0) errors[$"beslut-{i + 1}-alternativ"] = $"Skriv vilka alternativ som övervägdes för beslut {i + 1}, ett per rad.";
            else if (alternatives.Count > 10) errors[$"beslut-{i + 1}-alternativ"] = "Högst 10 alternativ per beslut.";
            else if (alternatives.FirstOrDefault(a => a.Length > SipRules.ShortText) is { } tooLong) errors[$"beslut-{i + 1}-alternativ"] = $"Ett alternativ får vara högst {SipRules.ShortText} tecken.";
        }
        SipRules.Bounded(errors, "personens-syn", PersonsView, SipRules.LongText);
        return errors;
    }

    public RecordMeetingRequest ToRequest(Plan plan)
    {
        var meeting = new MeetingRecord
        {
            HeldAt = SwedishTime.ToTimestamp(HeldAt!.Value),
            Digital = Digital,
            IndividualPresent = IndividualPresent,
            PersonsView = PersonsView.Trim(),
        };
        meeting.AgendaCovered.AddRange(Circle.Where(Agenda.Contains));
        foreach (var row in Decisions)
        {
            var decision = new Decision { Text = row.Text.Trim() };
            decision.AlternativesConsidered.AddRange(Lines(row.Alternatives));
            meeting.Decisions.Add(decision);
        }
        return new RecordMeetingRequest { RequestId = RequestId, PlanId = plan.PlanId, ExpectedVersion = plan.Version, Meeting = meeting };
    }
}
