using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Samverkan.SharedKernel.Directory;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Contracts.Common.V1;

namespace Samverkan.AccessLog.Extract;

// Writes a person's log extract (utdrag ur åtkomstloggen) in Swedish a citizen can read: which
// organisations and units handled their data, what they did and when, in Swedish local time.
// Names come from the unit directory; individual users are not named (the person's right is to
// know which units; the organisation's own review follows up individuals).
public sealed class PersonLogExtractWriter(UnitDirectory directory, TimeZoneInfo localTime)
{
    public static TimeZoneInfo SwedishTime { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public PersonLogExtract Write(
        IEnumerable<AccessRecord> records,
        IReadOnlyList<string> organisationCodes,
        DateTimeOffset? from,
        DateTimeOffset to,
        DateTimeOffset producedAt)
    {
        var extract = new PersonLogExtract { ProducedAt = Timestamp.FromDateTimeOffset(producedAt) };
        extract.Organisations.AddRange(organisationCodes.Select(code => new OrganisationRef { Code = code }));

        // One line per organisation, unit, action and minute: a screen read many times in a minute is one event to the person.
        var lines = records
            .Where(r => r.OccurredAt is not null)
            .Select(r => (Record: r, Minute: TruncateToMinute(r.OccurredAt.ToDateTimeOffset())))
            .GroupBy(x => (x.Record.OrganisationCode, x.Record.UnitId, x.Record.Action, x.Minute))
            .OrderBy(g => g.Key.Minute).ThenBy(g => g.Key.OrganisationCode, StringComparer.Ordinal).ThenBy(g => g.Key.UnitId, StringComparer.Ordinal)
            .Select(g => Line(g.Key.OrganisationCode, g.Key.UnitId, g.Key.Action, g.Key.Minute));
        extract.Lines.AddRange(lines);
        extract.Text = Text(extract, organisationCodes, from, to, producedAt);
        return extract;
    }

    private PersonLogExtractLine Line(string organisationCode, string unitId, AccessAction action, DateTimeOffset minute)
    {
        var organisationName = directory.FindOrganisation(organisationCode)?.Name ?? organisationCode;
        var unitName = unitId.Length == 0 ? SwedishAccessWording.SystemUnit : directory.FindUnit(unitId)?.Name ?? unitId;
        var text = $"{organisationName}, {unitName}, {SwedishAccessWording.Verb(action)} {Local(minute, SwedishAccessWording.DateTimeFormat)}";
        return new PersonLogExtractLine
        {
            OccurredAt = Timestamp.FromDateTimeOffset(minute),
            OrganisationCode = organisationCode,
            OrganisationName = organisationName,
            UnitId = unitId,
            UnitName = unitName,
            Action = action,
            Text = text,
        };
    }

    private string Text(PersonLogExtract extract, IReadOnlyList<string> organisationCodes, DateTimeOffset? from, DateTimeOffset to, DateTimeOffset producedAt)
    {
        var producers = string.Join(" och ", organisationCodes.Select(code => directory.FindOrganisation(code)?.Name ?? code));
        var period = from is null
            ? $"fram till {Local(to, SwedishAccessWording.DateFormat)}"
            : $"under perioden {Local(from.Value, SwedishAccessWording.DateFormat)}–{Local(to, SwedishAccessWording.DateFormat)}";

        var text = new StringBuilder();
        text.AppendLine("Utdrag ur åtkomstloggen i Samverkan Dalarna");
        text.AppendLine(CultureInfo.InvariantCulture, $"Framställt {Local(producedAt, SwedishAccessWording.DateTimeFormat)} av {producers}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Här ser du vilka enheter hos {producers} som har tagit del av eller hanterat uppgifter om dig i Samverkan Dalarna {period}.");
        text.AppendLine();
        if (extract.Lines.Count == 0)
        {
            text.AppendLine("Inga åtkomster till dina uppgifter finns registrerade under perioden.");
        }
        foreach (var line in extract.Lines) text.AppendLine(line.Text);
        text.AppendLine();
        text.AppendLine("Kommunerna i Dalarna och Region Dalarna är var för sig ansvariga för sina enheters åtkomster. "
            + "Vill du veta vilka enheter hos en annan kommun eller hos regionen som har tagit del av dina uppgifter, vänd dig till dem.");
        text.AppendLine("Loggarna sparas i minst fem år.");
        return text.ToString();
    }

    private string Local(DateTimeOffset time, string format) =>
        TimeZoneInfo.ConvertTime(time, localTime).ToString(format, CultureInfo.InvariantCulture);

    private static DateTimeOffset TruncateToMinute(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
}
