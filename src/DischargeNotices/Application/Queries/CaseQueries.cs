using Samverkan.AccessLogging;
using Samverkan.DischargeNotices.Application.Access;
using Samverkan.DischargeNotices.Application.Auditing;
using Samverkan.DischargeNotices.Application.Persistence;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.DischargeNotices.Application.Queries;

// The read side: one case, the inbox, open cases, cases past a deadline and one patient's cases.
// Every list is read from an index, then each case is loaded and checked for visibility again (the
// index is never trusted alone), and the access records are committed before anything is returned.
public sealed class CaseQueries(
    CaseRepository repository,
    CaseAccess access,
    IndexPager pager,
    CaseAuditor auditor,
    DeadlineEvaluator evaluator,
    PersonReferences persons,
    TimeProvider time)
{
    private const double Earliest = 0;
    private const double Latest = 1e16;

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<(DischargeCase Case, IReadOnlyList<DeadlineStatus> Deadlines)> GetCaseAsync(
        CallerIdentity caller, string caseId, CancellationToken cancellationToken)
    {
        CaseAccess.RequireReader(caller);
        var loaded = await repository.LoadAsync(caseId, cancellationToken);
        var @case = CaseAccess.RequireVisible(caller, loaded?.Case, caseId);
        await auditor.RecordReadsAsync(caller, [@case], cancellationToken);
        return (@case, evaluator.Evaluate(@case, Now));
    }

    // The 24-hour deadline as answered to the sender right after the admission notice.
    public DeadlineStatus AdmissionNoticeDeadline(DischargeCase @case) =>
        evaluator.Evaluate(@case, Now).Single(d => d.Kind == DeadlineKind.AdmissionNotice);

    // A list response stays below 1 MiB encoded (gRPC clients refuse 4 MB by default), whatever was stored.
    public const int MaxListResponseBytes = 1_000_000;

    // measure: the encoded size of an item as it will be answered; the page ends before the item that
    // would take it over MaxListResponseBytes (at least one item per page), and its token continues there.
    public async Task<InboxPage> ListInboxAsync(CallerIdentity caller, string? unitId, bool unacknowledgedOnly,
        int pageSize, string? pageToken, CancellationToken cancellationToken, Func<InboxItem, int>? measure = null)
    {
        var scope = access.ListingScope(caller, unitId);
        var index = (scope.UnitId, unacknowledgedOnly) switch
        {
            ({ } unit, true) => DischargeStore.Indexes.UnacknowledgedByUnit(unit),
            ({ } unit, false) => DischargeStore.Indexes.InboxByUnit(unit),
            (null, true) => DischargeStore.Indexes.UnacknowledgedByOrganisation(scope.OrganisationCode),
            (null, false) => DischargeStore.Indexes.InboxByOrganisation(scope.OrganisationCode),
        };
        var page = await pager.ReadAsync(index, Earliest, Latest, descending: true, pageSize, pageToken, cancellationToken);
        var members = page.Entries.Select(e => CaseIndexer.ParseInboxMember(e.Member)).ToList();
        var cases = await VisibleCasesAsync(caller, members.Select(m => m.CaseId), cancellationToken);

        var items = new List<InboxItem>();
        var bytes = 0;
        var consumed = members.Count;
        for (var i = 0; i < members.Count; i++)
        {
            var (caseId, sequence, unit) = members[i];
            if (cases.TryGetValue(caseId, out var @case) && @case.EventAt(sequence) is NoticeEvent notice && notice.Addressees.Contains(unit))
            {
                var item = new InboxItem(@case, notice, unit);
                var size = measure?.Invoke(item) ?? 0;
                if (items.Count > 0 && bytes + size > MaxListResponseBytes)
                {
                    consumed = i;
                    break;
                }
                bytes += size;
                items.Add(item);
            }
        }
        var nextPageToken = consumed < members.Count
            ? PageToken.After(page.Entries.Take(consumed).Select(e => e.Score).ToList(), PageToken.Decode(pageToken)).Encode()
            : page.NextPageToken;
        await auditor.RecordReadsAsync(caller, items.Select(i => i.Case), cancellationToken);
        return new InboxPage(items, nextPageToken);
    }

    // Protected persons are not in the open-case indexes at all (broad list).
    public async Task<CasePage> ListOpenCasesAsync(CallerIdentity caller, string? unitId, int pageSize, string? pageToken,
        CancellationToken cancellationToken)
    {
        var scope = access.ListingScope(caller, unitId);
        var index = scope.UnitId is { } unit
            ? DischargeStore.Indexes.OpenByUnit(unit)
            : DischargeStore.Indexes.OpenByOrganisation(scope.OrganisationCode);
        var page = await pager.ReadAsync(index, Earliest, Latest, descending: false, pageSize, pageToken, cancellationToken);
        var cases = await VisibleCasesAsync(caller, page.Entries.Select(e => e.Member), cancellationToken);
        var open = page.Entries.Select(e => cases.GetValueOrDefault(e.Member)).OfType<DischargeCase>()
            .Where(c => c.IsOpen && !c.Patient.ProtectedIdentity).ToList();
        await auditor.RecordReadsAsync(caller, open, cancellationToken);
        return new CasePage(open, page.NextPageToken);
    }

    public async Task<PastDeadlinePage> ListCasesPastDeadlineAsync(CallerIdentity caller, int pageSize, string? pageToken,
        CancellationToken cancellationToken)
    {
        var scope = access.ListingScope(caller, null);
        var now = Now;
        var page = await pager.ReadAsync(DischargeStore.Indexes.DeadlineWatch(scope.OrganisationCode),
            Earliest, IndexMembership.Score(now), descending: false, pageSize, pageToken, cancellationToken);
        var cases = await VisibleCasesAsync(caller, page.Entries.Select(e => e.Member), cancellationToken);

        var result = new List<CaseDeadlines>();
        foreach (var entry in page.Entries)
        {
            if (!cases.TryGetValue(entry.Member, out var @case)) continue;
            var missed = evaluator.Evaluate(@case, now).Where(d => d.IsMissed).ToList();
            if (missed.Count > 0) result.Add(new CaseDeadlines(@case, missed));
        }
        await auditor.RecordReadsAsync(caller, result.Select(r => r.Case), cancellationToken);
        return new PastDeadlinePage(result, page.NextPageToken);
    }

    // A targeted search: the search itself is logged for the person, found or not.
    public async Task<CasePage> ListPatientCasesAsync(CallerIdentity caller, string personalIdentityNumber, int pageSize, string? pageToken,
        CancellationToken cancellationToken)
    {
        CaseAccess.RequireReader(caller);
        var index = DischargeStore.Indexes.PatientCases(persons.For(personalIdentityNumber));
        var page = await pager.ReadAsync(index, Earliest, Latest, descending: true, pageSize, pageToken, cancellationToken);
        var cases = await VisibleCasesAsync(caller, page.Entries.Select(e => e.Member), cancellationToken);
        var found = page.Entries.Select(e => cases.GetValueOrDefault(e.Member)).OfType<DischargeCase>().ToList();

        var records = found.Select(c => auditor.Record(caller, Samverkan.Contracts.Audit.V1.AccessAction.Read, c)).ToList();
        records.Add(auditor.PatientSearch(caller, personalIdentityNumber));
        await auditor.RecordAsync(records, cancellationToken);
        return new CasePage(found, page.NextPageToken);
    }

    private async Task<Dictionary<string, DischargeCase>> VisibleCasesAsync(CallerIdentity caller, IEnumerable<string> caseIds,
        CancellationToken cancellationToken)
    {
        var loaded = await repository.LoadManyAsync(caseIds.Distinct().ToList(), cancellationToken);
        return loaded.Select(l => l.Case).Where(c => CaseAccess.CanSee(caller, c)).ToDictionary(c => c.Id);
    }
}
