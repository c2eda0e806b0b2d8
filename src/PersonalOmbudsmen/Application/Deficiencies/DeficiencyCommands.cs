using Samverkan.PersonalOmbudsmen.Application.Access;
using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Deficiencies;
using Samverkan.PersonalOmbudsmen.Domain.Rules;
using Samverkan.ServiceCore.Commands;
using Samverkan.ServiceCore.Paging;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Time;
using Samverkan.Store;

namespace Samverkan.PersonalOmbudsmen.Application.Deficiencies;

public sealed record DeficiencyChange(string DeficiencyId, long Version, DeficiencyStatus Status, bool Replayed);

public sealed record DeficiencyPage(IReadOnlyList<LoadedDeficiency> Deficiencies, string NextPageToken);

// Reporting, reviewing and forwarding system deficiencies, and listing them for the municipality.
public sealed class DeficiencyCommands(CommandPipeline pipeline, DeficiencyRepository repository, OmbudAccess access, IndexPager pager, TimeProvider time)
{
    public Task<DeficiencyChange> ReportAsync(CallerIdentity caller, IdempotencyKey key, AuthorityKind authorityKind, string authorityName,
        DeficiencyKind kind, string description, DateOnly? observedOn, CancellationToken cancellationToken)
    {
        var unit = access.RequireOmbudsman(caller);
        return pipeline.ExecuteAsync(new DeficiencyStep(repository, time, caller, key, "ReportSystemDeficiency", null, 0, (_, today) =>
            SystemDeficiency.Report(MunicipalIds.New(unit.OrganisationCode), unit.OrganisationCode, unit.Id, authorityKind, authorityName, kind, description, observedOn, today)),
            cancellationToken);
    }

    public Task<DeficiencyChange> ReviewAsync(CallerIdentity caller, IdempotencyKey key, string deficiencyId, long expectedVersion,
        ReviewDecision decision, string comment, CancellationToken cancellationToken) =>
        SteeringStepAsync(caller, key, "ReviewSystemDeficiency", deficiencyId, expectedVersion, (d, today) => { d!.Review(decision, comment, today); return d; }, cancellationToken);

    public Task<DeficiencyChange> MarkForwardedAsync(CallerIdentity caller, IdempotencyKey key, string deficiencyId, long expectedVersion,
        DateOnly? forwardedOn, CancellationToken cancellationToken) =>
        SteeringStepAsync(caller, key, "MarkDeficiencyForwarded", deficiencyId, expectedVersion, (d, today) => { d!.MarkForwarded(forwardedOn, today); return d; }, cancellationToken);

    // Newest first; a status filter may leave a page shorter than page_size (follow next_page_token).
    public async Task<DeficiencyPage> ListAsync(CallerIdentity caller, DeficiencyStatus? status, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var municipality = access.RequireDeficiencyReader(caller);
        var page = await pager.ReadAsync(Persistence.OmbudStore.Indexes.DeficienciesOf(municipality), double.NegativeInfinity, double.PositiveInfinity,
            descending: true, pageSize, pageToken, cancellationToken);
        var loaded = await repository.LoadManyAsync(page.Entries.Select(e => e.Member).ToList(), cancellationToken);
        return new DeficiencyPage(loaded.Where(d => status is null || d.Deficiency.Status == status).ToList(), page.NextPageToken);
    }

    private Task<DeficiencyChange> SteeringStepAsync(CallerIdentity caller, IdempotencyKey key, string operation, string deficiencyId, long expectedVersion,
        Func<SystemDeficiency?, DateOnly, SystemDeficiency> step, CancellationToken cancellationToken)
    {
        var municipality = OmbudAccess.RequireSteeringGroup(caller);
        if (MunicipalIds.MunicipalityOf(deficiencyId, "deficiency_id") != municipality)
        {
            throw OmbudRuleViolation.Denied("The deficiency was reported in another municipality; its own steering group reviews it.");
        }
        if (expectedVersion <= 0)
        {
            throw OmbudRuleViolation.Invalid("expected_version", "expected_version is required: the version of the deficiency you last read.");
        }
        return pipeline.ExecuteAsync(new DeficiencyStep(repository, time, caller, key, operation, deficiencyId, expectedVersion, step), cancellationToken);
    }

    // Create (id null) or change one deficiency.
    private sealed class DeficiencyStep(DeficiencyRepository repository, TimeProvider time, CallerIdentity caller, IdempotencyKey key, string operation,
        string? deficiencyId, long expectedVersion, Func<SystemDeficiency?, DateOnly, SystemDeficiency> step)
        : Command<DeficiencyChange>(caller, key, operation)
    {
        public override async Task<Attempt<DeficiencyChange>> AttemptAsync(UnitOfWork work, CancellationToken cancellationToken)
        {
            var today = SwedishCalendar.DateOf(time.GetUtcNow());
            LoadedDeficiency? loaded = null;
            if (deficiencyId is not null)
            {
                loaded = await repository.LoadAsync(deficiencyId, cancellationToken)
                    ?? throw OmbudRuleViolation.NotFound($"No deficiency {deficiencyId}.");
                if (loaded.Version != expectedVersion)
                {
                    throw OmbudRuleViolation.Stale($"expected_version {expectedVersion} is not the deficiency's current version ({loaded.Version}); re-read it and retry.");
                }
            }
            var deficiency = step(loaded?.Deficiency, today);
            var version = loaded?.Version ?? 0;
            DeficiencyRepository.StagePut(work, deficiency, version);
            var result = new DeficiencyChange(deficiency.Id, version + 1, deficiency.Status, Replayed: false);
            return Attempt.Commit(result, $"{deficiency.Id}/{version + 1}");
        }

        public override async Task<DeficiencyChange> ReplayAsync(string resultRef, CancellationToken cancellationToken)
        {
            var parts = resultRef.Split('/');
            var current = await repository.LoadAsync(parts[0], cancellationToken);
            return new DeficiencyChange(parts[0], long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
                current?.Deficiency.Status ?? DeficiencyStatus.Reported, Replayed: true);
        }
    }
}
