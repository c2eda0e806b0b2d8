using Microsoft.Extensions.Options;
using Samverkan.Contracts.Audit.V1;
using Samverkan.RelativeSupport.Domain.Catalogue;
using Samverkan.RelativeSupport.Domain.Referrals;
using Samverkan.RelativeSupport.Domain.Relatives;
using Samverkan.RelativeSupport.Domain.Statistics;
using Samverkan.ServiceCore.Paging;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.RelativeSupport.Application;

public sealed class RelativeSupportOptions
{
    public const string SectionName = "RelativeSupport";

    // Counts from 1 to threshold - 1 are suppressed in statistics.
    public int SuppressionThreshold { get; set; } = SuppressedCount.DefaultThreshold;
}

public sealed record ReferralPage(IReadOnlyList<(Referral Referral, long Version)> Referrals, string NextPageToken);

public sealed record RelativePage(IReadOnlyList<(Relative Relative, long Version)> Relatives, string NextPageToken);

public sealed record StatisticsView(Tally Tally, int Threshold);

// Reads. Personal data is returned only after its access records are committed.
public sealed class RelativeQueries(RelativeStore store, RelativeAccess access, RelativeAuditor auditor, IndexPager pager,
    IOptions<RelativeSupportOptions> options, TimeProvider time)
{
    public async Task<(Relative Relative, long Version)> RelativeAsync(CallerIdentity caller, string relativeId, CancellationToken ct)
    {
        var (relative, version) = await store.RelativeAsync(relativeId, ct) ?? throw RuleViolation.NotFound("No relative with that relative_id.");
        access.SeeOwn(caller, relative.MunicipalityCode, "relative");
        await auditor.RecordReadsAsync([auditor.Record(caller, AccessAction.Read, relative, "GetRelative")], ct);
        return (relative, version);
    }

    // The consultant's own municipality's relatives, most recently registered first. Each relative
    // returned is a read of their data (one access record each, purpose ListRelatives), committed
    // before the page is answered; protected ones are mapped to their id only (RelativeMapper).
    public async Task<RelativePage> RelativesAsync(CallerIdentity caller, string? municipalityCode, RelativeState? state, bool childrenOnly,
        int pageSize, string? pageToken, CancellationToken ct)
    {
        var municipality = access.Consultant(caller, municipalityCode);
        var page = await pager.ReadAsync(RelativeStore.RelativesIndex(municipality, state, childrenOnly), double.NegativeInfinity, double.PositiveInfinity,
            descending: true, pageSize, pageToken, ct);
        var loaded = (await store.RelativesAsync(page.Entries.Select(e => e.Member).ToList(), ct)).ToDictionary(r => r.Value.Id);
        // The index and the document are written in one unit of work; the checks guard against an index read before a change committed.
        var relatives = page.Entries.Select(e => loaded.GetValueOrDefault(e.Member))
            .Where(r => r.Value is { } relative && relative.MunicipalityCode == municipality
                && (state is null || relative.State == state) && (!childrenOnly || relative.Details.IsChild))
            .ToList();
        await auditor.RecordReadsAsync(relatives.Select(r => auditor.Record(caller, AccessAction.Read, r.Value, "ListRelatives")).ToList(), ct);
        return new RelativePage(relatives, page.NextPageToken);
    }

    public async Task<ReferralPage> IncomingAsync(CallerIdentity caller, int pageSize, string? pageToken, CancellationToken ct)
    {
        var municipality = access.Consultant(caller, caller.OrganisationCode);
        var page = await pager.ReadAsync(RelativeStore.IncomingIndex(municipality), double.NegativeInfinity, double.PositiveInfinity,
            descending: true, pageSize, pageToken, ct);
        var referrals = (await store.ReferralsAsync(page.Entries.Select(e => e.Member).ToList(), ct))
            .Where(r => r.Value.ToMunicipalityCode == municipality && r.Value.Relative is not null).ToList();
        await auditor.RecordReadsAsync(referrals.Select(r =>
            auditor.Record(caller, AccessAction.Read, r.Value, "ListIncomingReferrals")).ToList(), ct);
        return new ReferralPage(referrals, page.NextPageToken);
    }

    // The referrer's view: the status of a referral their organisation sent, nothing else.
    public async Task<Referral> ReferralStatusAsync(CallerIdentity caller, string referralId, CancellationToken ct)
    {
        var (referral, _) = await store.ReferralAsync(referralId, ct) ?? throw RuleViolation.NotFound("No referral with that referral_id.");
        if (referral.FromOrganisationCode != caller.OrganisationCode) throw RuleViolation.NotFound("No referral with that referral_id.");
        return referral;
    }

    public async Task<(SupportCatalogue Catalogue, long Version)> CatalogueAsync(CallerIdentity caller, string? municipalityCode, CancellationToken ct) =>
        await store.CatalogueAsync(access.Consultant(caller, municipalityCode), ct);

    public async Task<StatisticsView> StatisticsAsync(CallerIdentity caller, string? municipalityCode, int year, CancellationToken ct)
    {
        var municipality = access.Statistics(caller, municipalityCode);
        var thisYear = time.GetUtcNow().Year;
        if (year < 2020 || year > thisYear) throw RuleViolation.Invalid("year", $"year must be between 2020 and {thisYear}.");
        return new StatisticsView(await store.TallyAsync(municipality, year, ct), options.Value.SuppressionThreshold);
    }
}
