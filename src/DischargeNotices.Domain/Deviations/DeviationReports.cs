namespace Samverkan.DischargeNotices.Domain.Deviations;

// Builds deviation reports from the breaches the service recorded on a case, with the deadline's
// current state (met late, or still overdue). The reporting party is the patient's municipality,
// the party a missed hand-over affects.
public static class DeviationReports
{
    public static IEnumerable<DeviationReport> For(DischargeCase @case, DeadlineEvaluator evaluator, DateTimeOffset now)
    {
        var current = evaluator.Evaluate(@case, now).ToDictionary(d => (d.Kind, d.StartedBySequence));
        foreach (var breach in @case.RecordedBreaches)
        {
            var metAt = current.TryGetValue((breach.Kind, breach.StartedBySequence), out var status) ? status.MetAt : null;
            yield return new DeviationReport(
                Id(@case.Id, breach.Sequence),
                @case.Id,
                breach.Kind,
                breach.ResponsibleOrganisation,
                breach.ResponsibleUnit,
                @case.ResidenceMunicipality,
                breach.DueAt,
                breach.RecordedAt,
                metAt,
                Describe(breach.Kind));
        }
    }

    public static string Id(string caseId, int breachSequence) => $"{caseId}/{breachSequence}";

    // Fixed vocabulary in Swedish, the language of the receiving deviation systems.
    public static string Describe(DeadlineKind kind) => kind switch
    {
        DeadlineKind.AdmissionNotice =>
            "Inskrivningsmeddelande skickades inte inom 24 timmar från inskrivning eller läkarens bedömning (lag (2017:612)).",
        DeadlineKind.InformationTransfer =>
            "Informationsöverföring skedde inte senast samma dag som utskrivning (lag (2017:612)).",
        DeadlineKind.SipInvitation =>
            "Kallelse till SIP skickades inte senast tre dagar efter underrättelse om utskrivningsklar patient (lag (2017:612)).",
        DeadlineKind.FixedCareContact =>
            "Fast vårdkontakt i öppenvården utsågs inte före utskrivning (lag (2017:612)).",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
