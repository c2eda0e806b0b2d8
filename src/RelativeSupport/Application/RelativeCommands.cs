using Samverkan.Contracts.Audit.V1;
using Samverkan.RelativeSupport.Domain.Catalogue;
using Samverkan.RelativeSupport.Domain.Referrals;
using Samverkan.RelativeSupport.Domain.Relatives;
using Samverkan.RelativeSupport.Domain.Statistics;
using Samverkan.ServiceCore.Commands;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Directory;
using Samverkan.Store;

namespace Samverkan.RelativeSupport.Application;

// Every change: who may make it, which domain step it is, what it writes (document, tally,
// indexes, access record) in one unit of work. The pipeline does request ids, retries and commit.
public sealed class RelativeCommands(CommandPipeline pipeline, RelativeStore store, RelativeAccess access, RelativeAuditor auditor, TimeProvider time)
{
    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public Task<StepResult> RegisterAsync(CallerIdentity caller, IdempotencyKey key, string? municipalityCode,
        Func<DateOnly, RelativeDetails> details, Relationship relationship, Func<DateOnly, CaredForPerson> caredFor, bool consent, CancellationToken ct) =>
        Run(caller, key, "RegisterRelative", (work, _) =>
        {
            var municipality = access.Consultant(caller, municipalityCode);
            var relative = Relative.Register(Guid.NewGuid().ToString("N"), municipality, details(Today), relationship, caredFor(Today), consent, Today);
            StageNew(work, caller, relative);
            return Task.FromResult(new StepResult(relative.Id, 1));
        }, ct);

    public Task<StepResult> ChangeAsync(CallerIdentity caller, IdempotencyKey key, string operation, string relativeId, long expectedVersion,
        Func<Relative, SupportCatalogue, DateOnly, SupportForm?> step, CancellationToken ct) =>
        Run(caller, key, operation, async (work, token) =>
        {
            var (relative, version) = await VisibleAsync(caller, relativeId, token);
            Expect(expectedVersion, version);
            var before = RelativeStore.MembershipOf(relative);
            var (catalogue, _) = await store.CatalogueAsync(relative.MunicipalityCode, token);
            if (step(relative, catalogue, Today) is { } offered)
            {
                RelativeStore.Count(work, relative.MunicipalityCode, Today.Year, TallyEntry.Support(offered));
            }
            RelativeStore.Put(work, relative, version);
            RelativeStore.MembershipOf(relative).StageChangesFrom(before, work);
            auditor.RecordIn(work, caller, AccessAction.Change, relative, operation);
            return new StepResult(relative.Id, version + 1);
        }, ct);

    // Consent withdrawn: the relative's record is deleted, a referral it came from keeps only its
    // status; the counts already made stay (they hold nothing personal).
    public Task<StepResult> WithdrawConsentAsync(CallerIdentity caller, IdempotencyKey key, string relativeId, long expectedVersion, CancellationToken ct) =>
        Run(caller, key, "WithdrawConsent", async (work, token) =>
        {
            var (relative, version) = await VisibleAsync(caller, relativeId, token);
            Expect(expectedVersion, version);
            if (relative.ReferralId is { } referralId && await store.ReferralAsync(referralId, token) is var (referral, referralVersion))
            {
                referral.Erase();
                RelativeStore.Put(work, referral, referralVersion);
                work.Unindex(RelativeStore.IncomingIndex(referral.ToMunicipalityCode), referral.Id);
            }
            auditor.RecordIn(work, caller, AccessAction.Delete, relative, "WithdrawConsent");
            work.Delete(RelativeStore.Relatives, relative.Id, version);
            RelativeStore.MembershipOf(null).StageChangesFrom(RelativeStore.MembershipOf(relative), work);
            return new StepResult(relative.Id, version + 1);
        }, ct);

    public Task<StepResult> ReferAsync(CallerIdentity caller, IdempotencyKey key, string? unitId, string? toMunicipality,
        Func<DateOnly, RelativeDetails> details, Relationship relationship, bool consent, ChildSituation situation, string? need, CancellationToken ct) =>
        Run(caller, key, "ReferRelative", async (work, token) =>
        {
            var unit = access.Referrer(caller, unitId);
            var municipality = access.Municipality(toMunicipality, "to_municipality_code");
            var source = caller.OrganisationKind == OrganisationKind.Region ? ReferralSource.Region : ReferralSource.Municipality;
            var referral = Referral.Create(Guid.NewGuid().ToString("N"), caller.OrganisationCode, unit.Id, source, municipality,
                details(Today), relationship, consent, situation, need, Today);
            RelativeStore.Count(work, municipality, Today.Year, TallyEntry.Referral(source, referral.ChildSituation != ChildSituation.None));
            RelativeStore.Put(work, referral, 0);
            work.Index(RelativeStore.IncomingIndex(municipality), referral.Id, time.GetUtcNow().ToUnixTimeMilliseconds());
            auditor.RecordIn(work, caller, AccessAction.Disclose, referral, "ReferRelative");
            return new StepResult(referral.Id, 1);
        }, ct);

    public Task<StepResult> AcceptReferralAsync(CallerIdentity caller, IdempotencyKey key, string referralId, long expectedVersion, CancellationToken ct) =>
        Run(caller, key, "AcceptReferral", async (work, token) =>
        {
            var (referral, version) = await store.ReferralAsync(referralId, token) ?? throw RuleViolation.NotFound("No referral with that referral_id.");
            access.SeeOwn(caller, referral.ToMunicipalityCode, "referral");
            Expect(expectedVersion, version);
            var relative = referral.Accept(Guid.NewGuid().ToString("N"), Today);
            RelativeStore.Put(work, referral, version);
            StageNew(work, caller, relative);
            return new StepResult(relative.Id, 1);
        }, ct);

    public Task<StepResult> SetCatalogueAsync(CallerIdentity caller, IdempotencyKey key, string? municipalityCode, long expectedVersion,
        IReadOnlyCollection<SupportForm> forms, CancellationToken ct) =>
        Run(caller, key, "SetSupportCatalogue", async (work, token) =>
        {
            var municipality = access.Consultant(caller, municipalityCode);
            var (_, version) = await store.CatalogueAsync(municipality, token);
            Expect(expectedVersion, version);
            RelativeStore.Put(work, SupportCatalogue.Create(municipality, forms), version);
            return new StepResult(municipality, version + 1);
        }, ct);

    private void StageNew(UnitOfWork work, CallerIdentity caller, Relative relative)
    {
        RelativeStore.Count(work, relative.MunicipalityCode, Today.Year, TallyEntry.Relative(relative.Details, relative.IsProtected, Today.Year));
        RelativeStore.Put(work, relative, 0);
        RelativeStore.MembershipOf(relative).StageChangesFrom(RelativeStore.MembershipOf(null), work);
        auditor.RecordIn(work, caller, AccessAction.Create, relative, "RegisterRelative");
    }

    private async Task<(Relative, long)> VisibleAsync(CallerIdentity caller, string relativeId, CancellationToken ct)
    {
        var (relative, version) = await store.RelativeAsync(relativeId, ct) ?? throw RuleViolation.NotFound("No relative with that relative_id.");
        access.SeeOwn(caller, relative.MunicipalityCode, "relative");
        return (relative, version);
    }

    private static void Expect(long expected, long actual)
    {
        if (expected != actual)
        {
            throw RuleViolation.State($"expected_version {expected} is not the current version {actual}; read again and retry with a new request_id.",
                new PreconditionSubject("VERSION", "EXPECTED_VERSION"));
        }
    }

    private Task<StepResult> Run(CallerIdentity caller, IdempotencyKey key, string operation,
        Func<UnitOfWork, CancellationToken, Task<StepResult>> attempt, CancellationToken ct) =>
        pipeline.ExecuteAsync(new RelativeStep(caller, key, operation, attempt), ct);
}
