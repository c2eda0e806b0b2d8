using Microsoft.Extensions.Options;
using Samverkan.Contracts.Audit.V1;
using Samverkan.DischargeNotices.Application.Access;
using Samverkan.DischargeNotices.Application.Auditing;
using Samverkan.DischargeNotices.Application.Configuration;
using Samverkan.DischargeNotices.Application.Persistence;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Directory;
using Samverkan.Store;

namespace Samverkan.DischargeNotices.Application.Queries;

// Follow-up between the principals: deviation reports and municipal payment responsibility.
// Payment figures are computed on request from the events under the agreement configured now, so
// a changed agreement (IOptionsMonitor) applies to the next statement without migrating anything.
public sealed class FollowUpQueries(
    IDocumentStore store,
    CaseRepository repository,
    IndexPager pager,
    CaseAuditor auditor,
    DeadlineEvaluator evaluator,
    UnitDirectory directory,
    IOptionsMonitor<PaymentResponsibilityOptions> payment,
    TimeProvider time)
{
    private const int StatementBatch = 200;

    public async Task<DeviationPage> ExportDeviationReportsAsync(CallerIdentity caller, DateTimeOffset from, DateTimeOffset to,
        DeviationParty party, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        CaseAccess.RequireReader(caller);
        if (to <= from || to - from > TimeSpan.FromDays(366))
        {
            throw CaseRuleViolation.Invalid("to", "The period [from, to) must be non-empty and at most 366 days long.");
        }
        var page = await pager.ReadAsync(DischargeStore.Indexes.Deviations(caller.OrganisationCode),
            IndexMembership.Score(from), IndexMembership.Score(to) - 1, descending: false, pageSize, pageToken, cancellationToken);
        var ids = page.Entries.Select(e => e.Member).ToHashSet();
        var cases = await repository.LoadManyAsync(page.Entries.Select(e => e.Member.Split('/')[0]).Distinct().ToList(), cancellationToken);

        var now = time.GetUtcNow();
        var reports = cases
            .SelectMany(l => DeviationReports.For(l.Case, evaluator, now))
            .Where(r => ids.Contains(r.DeviationId))
            .Where(r => (party.HasFlag(DeviationParty.Responsible) && r.ResponsibleOrganisation == caller.OrganisationCode)
                || (party.HasFlag(DeviationParty.Reporting) && r.ReportingOrganisation == caller.OrganisationCode))
            .OrderBy(r => r.DetectedAt).ThenBy(r => r.DeviationId)
            .ToList();
        var exported = cases.Select(l => l.Case).Where(c => reports.Any(r => r.CaseId == c.Id));
        await auditor.RecordReadsAsync(caller, exported, cancellationToken, AccessAction.Export, CaseAuditor.DeviationFollowUp);
        return new DeviationPage(reports, page.NextPageToken);
    }

    public async Task<CasePayment> GetCasePaymentAsync(CallerIdentity caller, string caseId, CancellationToken cancellationToken)
    {
        CaseAccess.RequireReader(caller);
        var loaded = await repository.LoadAsync(caseId, cancellationToken);
        var @case = CaseAccess.RequireVisible(caller, loaded?.Case, caseId);
        var options = payment.CurrentValue;
        var result = PaymentCalculator.Calculate(@case, options.AgreementFor(@case.ResidenceMunicipality), options.DailyAmounts(), Today());
        await auditor.RecordReadsAsync(caller, [@case], cancellationToken, AccessAction.Read, CaseAuditor.PaymentResponsibility);
        return result;
    }

    // The municipality's own receiving staff and systems, or the region's systems, may export it.
    public async Task<MonthlyStatement> GetMonthlyStatementAsync(CallerIdentity caller, string municipality, int year, int month,
        CancellationToken cancellationToken)
    {
        if (directory.FindMunicipality(municipality) is null)
        {
            throw CaseRuleViolation.Invalid("municipality", $"{EchoedInput.Quote(municipality)} is not a municipality code in the unit directory.");
        }
        var today = Today();
        if (month is < 1 or > 12 || year < 2018 || new DateOnly(year, month, 1) > today)
        {
            throw CaseRuleViolation.Invalid("month", "year and month must name a month that has started, from January 2018.");
        }
        var ownMunicipality = caller.OrganisationCode == municipality && caller.HasRole(PlatformRoles.DischargeReceiver);
        var regionSystem = caller.OrganisationKind == OrganisationKind.Region && caller.IsServiceAccount && caller.HasRole(PlatformRoles.DischargeSender);
        if (!ownMunicipality && !regionSystem)
        {
            throw CaseRuleViolation.Denied($"The statement of municipality {municipality} is for its own {PlatformRoles.DischargeReceiver} staff and systems, or the region's discharge systems.");
        }

        var cases = await CandidatesAsync(municipality, new DateOnly(year, month, 1), cancellationToken);
        var options = payment.CurrentValue;
        var statement = MonthlyStatementBuilder.Build(municipality, year, month, cases, options.AgreementFor(municipality), options.DailyAmounts(), today);
        var listed = statement.Lines.Select(l => l.CaseId).ToHashSet();
        await auditor.RecordReadsAsync(caller, cases.Where(c => listed.Contains(c.Id)), cancellationToken, AccessAction.Export, CaseAuditor.PaymentResponsibility);
        return statement;
    }

    // Cases of the municipality with a readiness notice that were still admitted when the month began.
    private async Task<List<DischargeCase>> CandidatesAsync(string municipality, DateOnly monthStart, CancellationToken cancellationToken)
    {
        var from = IndexMembership.Score(SwedishCalendar.StartOf(monthStart));
        var cases = new List<DischargeCase>();
        for (var skip = 0; ; skip += StatementBatch)
        {
            var entries = await store.QueryIndexAsync(DischargeStore.Indexes.Payment(municipality), from, CaseIndexer.StillOpen,
                skip, StatementBatch, false, cancellationToken);
            var loaded = await repository.LoadManyAsync(entries.Select(e => e.Member).ToList(), cancellationToken);
            cases.AddRange(loaded.Select(l => l.Case));
            if (entries.Count < StatementBatch) return cases;
        }
    }

    private DateOnly Today() => SwedishCalendar.DateOf(time.GetUtcNow());
}
