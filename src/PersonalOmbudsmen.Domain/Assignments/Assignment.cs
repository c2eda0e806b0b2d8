using Samverkan.PersonalOmbudsmen.Domain.Rules;
using Samverkan.PersonalOmbudsmen.Domain.Statistics;
using Samverkan.SharedKernel.Directory;
using Samverkan.SharedKernel.Time;

namespace Samverkan.PersonalOmbudsmen.Domain.Assignments;

// One client's mandate (uppdrag) to the PO unit of the client's municipality, from opening to
// closing. Every step checks its rules before changing anything, so a refused step leaves the
// assignment as it was. Closing erases every piece of personal data from the object itself; what
// the caller persists afterwards is the bare closed stub plus the anonymous statistics record.
public sealed class Assignment
{
    private readonly List<Area> _areas;
    private readonly List<Goal> _goals;
    private readonly List<WorkingNote> _notes;
    private readonly List<Contact> _contacts;

    public Assignment(
        string id,
        string municipalityCode,
        string unitId,
        string statisticsId,
        AssignmentStatus status,
        Client? client,
        Mandate? mandate,
        DateTimeOffset openedAt,
        IEnumerable<Area> areas,
        IEnumerable<Goal> goals,
        IEnumerable<WorkingNote> notes,
        IEnumerable<Contact> contacts,
        DateTimeOffset? closedAt = null,
        Outcome? outcome = null)
    {
        Id = id;
        MunicipalityCode = municipalityCode;
        UnitId = unitId;
        StatisticsId = statisticsId;
        Status = status;
        Client = client;
        Mandate = mandate;
        OpenedAt = openedAt;
        _areas = [.. areas];
        _goals = [.. goals];
        _notes = [.. notes];
        _contacts = [.. contacts];
        ClosedAt = closedAt;
        Outcome = outcome;
    }

    public string Id { get; }
    public string MunicipalityCode { get; }
    public string UnitId { get; }

    // The id of the anonymous statistics record. Personal data on purpose: the only link from an
    // assignment to its statistics record, kept inside the encrypted content so that it dies with
    // the assignment's key and the record cannot be tied back to the client.
    public string StatisticsId { get; private set; }

    public AssignmentStatus Status { get; private set; }
    public Client? Client { get; private set; }
    public Mandate? Mandate { get; private set; }
    public DateTimeOffset OpenedAt { get; }
    public IReadOnlyList<Area> Areas => _areas;
    public IReadOnlyList<Goal> Goals => _goals;
    public IReadOnlyList<WorkingNote> Notes => _notes;
    public IReadOnlyList<Contact> Contacts => _contacts;
    public DateTimeOffset? ClosedAt { get; private set; }
    public Outcome? Outcome { get; private set; }

    public bool IsOpen => Status == AssignmentStatus.Open;

    // Set by Close: the anonymous record as it must be kept (the object holds nothing else then).
    public AssignmentStatistic? FinalStatistic { get; private set; }

    public IEnumerable<Entry> Entries => _goals.Cast<Entry>().Concat(_notes).Concat(_contacts);

    public int PendingAgreement => Entries.Count(e => e.Agreement == AgreementState.Pending);

    public static Assignment Open(
        string id,
        string statisticsId,
        string? municipalityCode,
        string unitId,
        UnitDirectory directory,
        Client client,
        DateTimeOffset? mandateGivenAt,
        MandateForm mandateForm,
        IEnumerable<Area> areas,
        IEnumerable<string?> goals,
        DateTimeOffset now)
    {
        if (directory.FindMunicipality(municipalityCode) is null)
        {
            throw OmbudRuleViolation.Invalid("municipality.code",
                $"municipality.code {SharedKernel.Text.EchoedInput.Quote(municipalityCode)} is not a municipality in the unit directory (four-digit SCB code, e.g. \"2080\").");
        }
        var givenAt = Instants.Plausible("mandate.given_at", mandateGivenAt, now);
        var form = Vocabulary.Require("mandate.form", mandateForm);
        var age = client.AgeOn(SwedishCalendar.DateOf(givenAt));
        if (age < Bounds.MinimumClientAge)
        {
            throw OmbudRuleViolation.Invalid("client.personal_identity_number",
                $"The client is under {Bounds.MinimumClientAge} on the day of the mandate; personligt ombud is for adults ({Bounds.MinimumClientAge}+).");
        }

        var assignment = new Assignment(id, municipalityCode!, unitId, statisticsId, AssignmentStatus.Open, client,
            new Mandate(givenAt, form), now, DistinctAreas("areas", areas, allowEmpty: true), [], [], []);
        var goalTexts = goals.ToList();
        if (goalTexts.Count > Bounds.MaxGoals)
        {
            throw OmbudRuleViolation.Invalid("goals", $"goals has {goalTexts.Count} entries; at most {Bounds.MaxGoals}.");
        }
        foreach (var goal in goalTexts) assignment.AppendGoal(goal, now, "goals");
        return assignment;
    }

    public Goal AddGoal(string? text, DateTimeOffset now)
    {
        RequireOpen();
        if (_goals.Count >= Bounds.MaxGoals)
        {
            throw OmbudRuleViolation.Full($"The assignment already holds {Bounds.MaxGoals} goals, the maximum.");
        }
        return AppendGoal(text, now, "text");
    }

    public void SetAreas(IEnumerable<Area> areas)
    {
        RequireOpen();
        var distinct = DistinctAreas("areas", areas, allowEmpty: false);
        _areas.Clear();
        _areas.AddRange(distinct);
    }

    public WorkingNote AddNote(string? text, DateTimeOffset now)
    {
        RequireOpen();
        var note = FreeText.Required("text", text, Bounds.NoteLength);
        if (_notes.Count >= Bounds.MaxNotes)
        {
            throw OmbudRuleViolation.Full($"The assignment already holds {Bounds.MaxNotes} working notes, the maximum.");
        }
        var entry = new WorkingNote(NextId(WorkingNote.Prefix, _notes.Count), now, AgreementState.Pending, null, note);
        _notes.Add(entry);
        return entry;
    }

    public Contact RecordContact(AuthorityKind kind, string? authorityName, string? about, DateTimeOffset? contactedAt, DateTimeOffset now)
    {
        RequireOpen();
        var contact = new Contact(
            NextId(Contact.Prefix, _contacts.Count), now, AgreementState.Pending, null,
            Vocabulary.Require("authority_kind", kind),
            FreeText.Required("authority_name", authorityName, Bounds.AuthorityNameLength),
            FreeText.Required("about", about, Bounds.ContactAboutLength),
            Instants.Plausible("contacted_at", contactedAt, now, Mandate!.GivenAt, "the mandate"));
        if (_contacts.Count >= Bounds.MaxContacts)
        {
            throw OmbudRuleViolation.Full($"The assignment already holds {Bounds.MaxContacts} contacts, the maximum.");
        }
        _contacts.Add(contact);
        return contact;
    }

    // The client went through the entries: agreed ones are marked, the others are withdrawn and
    // their text erased at once (the client decides what is written about them).
    public void RecordClientAgreement(IReadOnlyCollection<string> entryIds, bool agreed, DateTimeOffset? recordedAt, DateTimeOffset now)
    {
        RequireOpen();
        if (entryIds.Count is 0 or > Bounds.MaxAgreementEntries)
        {
            throw OmbudRuleViolation.Invalid("entry_ids", $"entry_ids needs 1 to {Bounds.MaxAgreementEntries} entry ids.");
        }
        var at = Instants.Plausible("recorded_at", recordedAt, now, Mandate!.GivenAt, "the mandate");
        var targets = new List<Entry>();
        foreach (var id in entryIds.Distinct(StringComparer.Ordinal))
        {
            var entry = Entries.FirstOrDefault(e => e.Id == id)
                ?? throw OmbudRuleViolation.Invalid("entry_ids", $"entry_ids names {SharedKernel.Text.EchoedInput.Quote(id)}, which is not an entry of this assignment.");
            if (entry.Agreement == AgreementState.Withdrawn)
            {
                throw OmbudRuleViolation.State(OmbudRuleViolation.EntryWithdrawn,
                    $"Entry {entry.Id} was withdrawn at the client's request and has no text left; write a new entry instead.");
            }
            targets.Add(entry);
        }
        var state = agreed ? AgreementState.Agreed : AgreementState.Withdrawn;
        foreach (var entry in targets) Replace(entry.WithAgreement(state, at));
    }

    // Ends the assignment and erases its personal data from this object. Returns the anonymous
    // statistics record as it must be kept.
    public AssignmentStatistic Close(Outcome outcome, DateTimeOffset? closedAt, DateTimeOffset now)
    {
        RequireOpen();
        var result = Vocabulary.Require("outcome", outcome);
        var at = Instants.Plausible("closed_at", closedAt, now, Mandate!.GivenAt, "the mandate");
        Status = AssignmentStatus.Closed;
        ClosedAt = at;
        Outcome = result;
        var statistic = Statistic();
        FinalStatistic = statistic;

        Client = null;
        Mandate = null;
        StatisticsId = "";
        _areas.Clear();
        _goals.Clear();
        _notes.Clear();
        _contacts.Clear();
        return statistic;
    }

    // The anonymous record of this assignment as it stands (open or just closed): nothing in it
    // identifies the client.
    public AssignmentStatistic Statistic()
    {
        if (Client is null || Mandate is null)
        {
            throw new InvalidOperationException("A destroyed assignment has no statistics left; the record was kept at closing.");
        }
        var started = SwedishCalendar.DateOf(Mandate.GivenAt);
        var ended = ClosedAt is { } closed ? SwedishCalendar.DateOf(closed) : (DateOnly?)null;
        return new AssignmentStatistic(
            StatisticsId,
            MunicipalityCode,
            started.Year,
            Client.PersonalIdentityNumber.LegalSex,
            AgeBands.Of(Client.AgeOn(started)),
            [.. _areas.Order()],
            ended?.Year,
            ended is { } end ? WholeMonths(started, end) : null,
            Outcome);
    }

    public void RequireOpen()
    {
        if (!IsOpen)
        {
            throw OmbudRuleViolation.State(OmbudRuleViolation.AssignmentClosed,
                $"Assignment {Id} is closed; its personal data is destroyed and nothing can be added.");
        }
    }

    private Goal AppendGoal(string? text, DateTimeOffset now, string field)
    {
        var goal = new Goal(NextId(Goal.Prefix, _goals.Count), now, AgreementState.Pending, null, FreeText.Required(field, text, Bounds.GoalLength));
        _goals.Add(goal);
        return goal;
    }

    private void Replace(Entry entry)
    {
        switch (entry)
        {
            case Goal g: _goals[_goals.FindIndex(x => x.Id == g.Id)] = g; break;
            case WorkingNote n: _notes[_notes.FindIndex(x => x.Id == n.Id)] = n; break;
            case Contact c: _contacts[_contacts.FindIndex(x => x.Id == c.Id)] = c; break;
        }
    }

    private static string NextId(char prefix, int count) => $"{prefix}{count + 1}";

    private static List<Area> DistinctAreas(string field, IEnumerable<Area> areas, bool allowEmpty)
    {
        var list = areas.Select(a => Vocabulary.Require(field, a)).Distinct().Order().ToList();
        if (list.Count == 0 && !allowEmpty)
        {
            throw OmbudRuleViolation.Invalid(field, $"{field} needs at least one area.");
        }
        return list;
    }

    // Whole calendar months from start to end (a month counts once its day-of-month is reached).
    internal static int WholeMonths(DateOnly start, DateOnly end)
    {
        var months = (end.Year - start.Year) * 12 + end.Month - start.Month;
        if (end.Day < start.Day) months--;
        return Math.Max(0, months);
    }
}
