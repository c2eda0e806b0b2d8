using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Sip.V1;
using Samverkan.Portal.Display;

namespace Samverkan.Portal.Forms;

// The plan's draft as the parties write it: the four parts the law demands (interventions, who
// answers for each, others' measures, overall responsibility) and what the county guideline
// expects (the person's goals, what matters, contact persons, follow-up date, relatives, a child's
// participation). Kept as a draft per plan, so nothing typed is lost; sent whole (UpdateContent).
public sealed class SipContentForm
{
    public const int MaxRows = 50;

    public sealed class InterventionRow
    {
        public string Id { get; set; } = NewId("i");
        public string Description { get; set; } = "";
        public string Organisation { get; set; } = "";
    }

    public sealed class MeasureRow
    {
        public string Id { get; set; } = NewId("m");
        public OtherActorKind Actor { get; set; } = OtherActorKind.Unspecified;
        public string Description { get; set; } = "";
    }

    public sealed class GoalRow
    {
        public string Id { get; set; } = NewId("g");
        public GoalTerm Term { get; set; } = GoalTerm.Short;
        public string Text { get; set; } = "";
    }

    public sealed class ContactRow
    {
        public string Organisation { get; set; } = "";
        public string Name { get; set; } = "";
        public string Title { get; set; } = "";
        public string Phone { get; set; } = "";
    }

    public List<InterventionRow> Interventions { get; } = [];
    public List<MeasureRow> Measures { get; } = [];
    public bool NoOtherMeasures { get; set; }
    public string OverallResponsible { get; set; } = "";
    public List<GoalRow> Goals { get; } = [];
    public string WhatMatters { get; set; } = "";
    public string OwnActions { get; set; } = "";
    public string CurrentAssessment { get; set; } = "";
    public List<ContactRow> Contacts { get; } = [];
    public DateOnly? FollowUpDate { get; set; }
    public RelativesParticipation Relatives { get; set; } = RelativesParticipation.Unspecified;
    public HashSet<ChildParticipationForm> ChildParticipation { get; } = [];

    // The plan version the draft was read at (UpdateContent's expected_version), and the draft as
    // it was then: other steps move the version on without touching the draft.
    public int ReadAtVersion { get; set; }
    public PlanContent Base { get; set; } = new();
    public string RequestId { get; set; } = Guid.NewGuid().ToString();

    // A child takes part in adapted ways (the plan must say how); age from the number's date part,
    // as the service counts it.
    public static bool IsChild(Person person, DateOnly today)
    {
        if (!SharedKernel.Identity.PersonalIdentityNumber.TryParse(person.PersonalIdentityNumber?.Value ?? "", out var number, out _)) return false;
        var birth = number.DatePart;
        var age = today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);
        return age < 18;
    }

    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    public static SipContentForm From(Plan plan)
    {
        var draft = plan.Draft ?? new PlanContent();
        var form = new SipContentForm
        {
            NoOtherMeasures = draft.NoOtherMeasures,
            OverallResponsible = draft.OverallResponsibleOrganisation?.Code ?? "",
            WhatMatters = draft.WhatMatters,
            OwnActions = draft.OwnActions,
            CurrentAssessment = draft.CurrentInterventionsAssessment,
            FollowUpDate = SwedishTime.ToDateOnly(draft.FollowUpDate),
            Relatives = draft.Relatives,
            ReadAtVersion = plan.Version,
            Base = draft.Clone(),
        };
        form.Interventions.AddRange(draft.Interventions.Select(i => new InterventionRow { Id = i.InterventionId, Description = i.Description, Organisation = i.ResponsibleOrganisation?.Code ?? "" }));
        form.Measures.AddRange(draft.OtherMeasures.Select(m => new MeasureRow { Id = m.MeasureId, Actor = m.Actor, Description = m.Description }));
        form.Goals.AddRange(draft.Goals.Select(g => new GoalRow { Id = g.GoalId, Term = g.Term, Text = g.Text }));
        form.Contacts.AddRange(draft.ContactPersons.Select(c => new ContactRow { Organisation = c.Organisation?.Code ?? "", Name = c.Name, Title = c.Title, Phone = c.Phone }));
        foreach (var child in draft.ChildParticipation) form.ChildParticipation.Add(child);
        return form;
    }

    // The plan moved on (a consent, a participant, a meeting): while its draft is still the one this
    // form started from, the form now edits the new version. A draft changed by someone else keeps
    // the old version, so saving is refused instead of overwriting their change.
    public void Rebase(Plan plan)
    {
        if ((plan.Draft ?? new PlanContent()).Equals(Base)) ReadAtVersion = plan.Version;
    }

    public Dictionary<string, string> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        for (var i = 0; i < Interventions.Count; i++)
        {
            var row = Interventions[i];
            SipRules.Required(errors, $"insats-{i + 1}-text", row.Description, SipRules.ShortText, $"Beskriv insats {i + 1}, eller ta bort raden.");
            if (row.Organisation.Length == 0) errors[$"insats-{i + 1}-ansvarig"] = $"Välj vilken huvudman som ansvarar för insats {i + 1}.";
        }
        for (var i = 0; i < Measures.Count; i++)
        {
            var row = Measures[i];
            if (row.Actor == OtherActorKind.Unspecified) errors[$"atgard-{i + 1}-aktor"] = $"Välj vem som gör åtgärd {i + 1}.";
            SipRules.Required(errors, $"atgard-{i + 1}-text", row.Description, SipRules.ShortText, $"Beskriv åtgärd {i + 1}, eller ta bort raden.");
        }
        if (NoOtherMeasures && Measures.Count > 0) errors["inga-andra"] = "Ta bort andra aktörers åtgärder, eller avmarkera att inga andra aktörer gör något.";
        for (var i = 0; i < Goals.Count; i++)
        {
            SipRules.Required(errors, $"mal-{i + 1}-text", Goals[i].Text, SipRules.ShortText, $"Skriv mål {i + 1} med personens egna ord, eller ta bort raden.");
        }
        SipRules.Bounded(errors, "viktigt", WhatMatters, SipRules.LongText);
        SipRules.Bounded(errors, "egna-insatser", OwnActions, SipRules.LongText);
        SipRules.Bounded(errors, "nuvarande-insatser", CurrentAssessment, SipRules.LongText);
        for (var i = 0; i < Contacts.Count; i++)
        {
            var row = Contacts[i];
            if (row.Organisation.Length == 0) errors[$"kontakt-{i + 1}-org"] = $"Välj organisation för kontaktperson {i + 1}.";
            SipRules.Required(errors, $"kontakt-{i + 1}-namn", row.Name, SipRules.Name, $"Fyll i namnet på kontaktperson {i + 1}.");
            SipRules.Bounded(errors, $"kontakt-{i + 1}-titel", row.Title, SipRules.Name);
            SipRules.Bounded(errors, $"kontakt-{i + 1}-telefon", row.Phone, SipRules.Phone);
        }
        SipRules.FollowUpDate(errors, "uppfoljning-datum", FollowUpDate, today, required: false);
        return errors;
    }

    // What the plan still lacks before it can be agreed (the service's PlanCompleteness, in
    // Swedish, so staff see it while they write; the service decides).
    public IReadOnlyList<string> Missing(Plan plan, DateOnly today, bool child)
    {
        var missing = new List<string>();
        var principals = plan.Participants.Where(p => p.Role == ParticipantRole.Principal).Select(p => p.Organisation?.Code).ToHashSet();
        if (Interventions.Count == 0) missing.Add("Minst en insats.");
        if (Interventions.Any(i => !principals.Contains(i.Organisation))) missing.Add("För varje insats: en ansvarig huvudman som är kallad till planen.");
        if (Measures.Count == 0 && !NoOtherMeasures) missing.Add("Andra aktörers åtgärder, eller att inga andra aktörer gör något.");
        if (!principals.Contains(OverallResponsible)) missing.Add("Vilken huvudman som har huvudansvaret (en kallad huvudman).");
        if (!Goals.Any(g => g.Term == GoalTerm.Short)) missing.Add("Ett kortsiktigt mål.");
        if (!Goals.Any(g => g.Term == GoalTerm.Long)) missing.Add("Ett långsiktigt mål.");
        if (string.IsNullOrWhiteSpace(WhatMatters)) missing.Add("Vad som är viktigt för personen.");
        if (string.IsNullOrWhiteSpace(CurrentAssessment)) missing.Add("Hur nuvarande insatser fungerar.");
        if (principals.Any(o => Contacts.All(c => c.Organisation != o))) missing.Add("En kontaktperson för varje kallad huvudman.");
        if (FollowUpDate is not { } date || date <= today) missing.Add("Datum för uppföljning.");
        if (Relatives == RelativesParticipation.Unspecified) missing.Add("Om anhöriga deltar.");
        if (child && ChildParticipation.Count == 0) missing.Add("Hur barnet deltar (anpassat deltagande).");
        if (plan.LatestMeeting is null) missing.Add("Anteckningar från SIP-mötet (alla punkter i mötescirkeln, beslut med alternativ, personens synpunkter).");
        return missing;
    }

    // Nothing typed since the form was read from the plan: it may follow the plan's newer draft.
    public bool Untouched => ToContent().Equals(Base);

    public UpdateContentRequest ToRequest(Plan plan) =>
        // The draft was read at ReadAtVersion; a change by someone else since is refused (PLAN_VERSION).
        new() { RequestId = RequestId, PlanId = plan.PlanId, ExpectedVersion = ReadAtVersion, Content = ToContent() };

    public PlanContent ToContent()
    {
        var content = new PlanContent
        {
            NoOtherMeasures = NoOtherMeasures,
            OverallResponsibleOrganisation = OverallResponsible.Length > 0 ? new OrganisationRef { Code = OverallResponsible } : null,
            WhatMatters = WhatMatters.Trim(),
            OwnActions = OwnActions.Trim(),
            CurrentInterventionsAssessment = CurrentAssessment.Trim(),
            FollowUpDate = FollowUpDate is { } date ? SwedishTime.ToDate(date) : null,
            Relatives = Relatives,
        };
        content.Interventions.AddRange(Interventions.Select(i => new Intervention { InterventionId = i.Id, Description = i.Description.Trim(), ResponsibleOrganisation = new OrganisationRef { Code = i.Organisation } }));
        content.OtherMeasures.AddRange(Measures.Select(m => new OtherMeasure { MeasureId = m.Id, Actor = m.Actor, Description = m.Description.Trim() }));
        content.Goals.AddRange(Goals.Select(g => new Goal { GoalId = g.Id, Term = g.Term, Text = g.Text.Trim() }));
        content.ContactPersons.AddRange(Contacts.Select(c => new ContactPerson { Organisation = new OrganisationRef { Code = c.Organisation }, Name = c.Name.Trim(), Title = c.Title.Trim(), Phone = c.Phone.Trim() }));
        content.ChildParticipation.AddRange(ChildParticipation.Order());
        return content;
    }
}
