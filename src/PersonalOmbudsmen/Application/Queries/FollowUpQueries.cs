using System.Text.Json;
using Microsoft.Extensions.Options;
using Samverkan.PersonalOmbudsmen.Application.Access;
using Samverkan.PersonalOmbudsmen.Application.Deficiencies;
using Samverkan.PersonalOmbudsmen.Application.Persistence;
using Samverkan.PersonalOmbudsmen.Domain.Rules;
using Samverkan.PersonalOmbudsmen.Domain.Statistics;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Directory;
using Samverkan.SharedKernel.Time;
using Samverkan.Store;

namespace Samverkan.PersonalOmbudsmen.Application.Queries;

// The annual follow-up from the anonymous statistics records and the deficiencies only. No
// personal data is read, so nothing is access-logged.
public sealed class FollowUpQueries(IDocumentStore store, DeficiencyRepository deficiencies, OmbudAccess access,
    UnitDirectory directory, TimeProvider time, IOptions<OmbudOptions> options)
{
    public async Task<AnnualFollowUpReport> GetAsync(CallerIdentity caller, int year, string? municipalityCode, CancellationToken cancellationToken)
    {
        var today = SwedishCalendar.DateOf(time.GetUtcNow());
        if (year < Bounds.EarliestDate.Year || year > today.Year)
        {
            throw OmbudRuleViolation.Invalid("year", $"year must be between {Bounds.EarliestDate.Year} and {today.Year}.");
        }
        var code = string.IsNullOrEmpty(municipalityCode) ? null : municipalityCode;
        if (code is not null && directory.FindMunicipality(code) is null)
        {
            throw OmbudRuleViolation.Invalid("municipality.code", $"municipality.code {SharedKernel.Text.EchoedInput.Quote(code)} is not a municipality in the unit directory.");
        }
        access.RequireFollowUpReader(caller, code);

        var municipalities = code is null
            ? directory.Organisations.Where(o => o.Kind == PrincipalKind.Municipality).Select(o => o.Code).ToList()
            : [code];
        var records = new List<AssignmentStatistic>();
        var reported = new List<Domain.Deficiencies.SystemDeficiency>();
        foreach (var municipality in municipalities)
        {
            records.AddRange(await StatisticsStartedByAsync(municipality, year, cancellationToken));
            reported.AddRange(await deficiencies.ReportedUpToAsync(municipality, new DateOnly(year, 12, 31), cancellationToken));
        }
        return AnnualFollowUp.Build(year, code, records, reported, options.Value.SuppressionThreshold, today);
    }

    private async Task<IReadOnlyList<AssignmentStatistic>> StatisticsStartedByAsync(string municipality, int year, CancellationToken cancellationToken)
    {
        var result = new List<AssignmentStatistic>();
        const int batch = 500;
        for (var skip = 0; ; skip += batch)
        {
            var entries = await store.QueryIndexAsync(OmbudStore.Indexes.StatisticsOf(municipality), double.NegativeInfinity, year, skip, batch, cancellationToken: cancellationToken);
            var documents = await store.GetManyAsync(OmbudStore.Statistics, entries.Select(e => e.Member).ToList(), cancellationToken);
            result.AddRange(documents.Select(d => JsonSerializer.Deserialize(d.Data.Span, OmbudJsonContext.Default.AssignmentStatistic)!));
            if (entries.Count < batch) return result;
        }
    }
}
