using System.Text.Json;
using Microsoft.Extensions.Options;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Time;
using Samverkan.SipPlans.Application.Access;
using Samverkan.SipPlans.Application.Persistence;
using Samverkan.SipPlans.Domain.Survey;
using Samverkan.Store;

namespace Samverkan.SipPlans.Application.Survey;

// The experience survey (SIPkollen). An answer is stored without the plan, the person or the day:
// only the organisation answering for the plan and the month. A marker per plan and occasion (the
// meeting's or follow-up's event) keeps one answer per occasion; it says that an answer was given,
// never which. Aggregates suppress counts below the configured minimum.
public sealed class SurveyService(
    IDocumentStore store,
    PlanRepository repository,
    PlanAuthorization authorization,
    IOptions<SurveyOptions> options,
    TimeProvider time)
{
    private readonly SurveyDefinition _definition = options.Value.Definition();

    public SurveyDefinition Definition => _definition;

    public int MinimumCount => options.Value.MinimumCount;

    // Returns false when this occasion of the plan was already answered (a retry, or a second answer).
    public async Task<bool> SubmitAsync(CallerIdentity caller, string planId, SurveyOccasion occasion, IReadOnlyDictionary<string, int> answers,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var loaded = await repository.LoadAsync(planId, cancellationToken);
        var plan = authorization.RequireVisible(caller, loaded?.Plan, planId, now);
        var occasionEvent = occasion == SurveyOccasion.Meeting
            ? plan.Events.OfType<MeetingRecorded>().LastOrDefault() as PlanEvent
            : plan.Events.OfType<FollowUpRecorded>().LastOrDefault();
        if (occasionEvent is null)
        {
            throw RuleViolation.State($"The plan has no {(occasion == SurveyOccasion.Meeting ? "SIP meeting" : "follow-up")} to answer the survey about.",
                new PreconditionSubject("SURVEY_OCCASION", occasion.ToString()));
        }
        var response = SurveyResponse.Create(_definition, occasion, plan.ResponsibleOrganisation, SwedishCalendar.DateOf(now), answers);

        var work = new UnitOfWork()
            .Put(SipStore.SurveyAnswered, $"{planId}-{occasionEvent.Sequence}", "{}"u8.ToArray(), expectedVersion: 0)
            .Put(SipStore.SurveyResponses, Guid.NewGuid().ToString("N"), JsonSerializer.SerializeToUtf8Bytes(response, SipJson.Options), expectedVersion: 0);
        var responseId = ((PutDocument)work.Operations[1]).Id;
        work.Index(SipStore.Indexes.Survey(response.OrganisationCode), responseId, response.Year * 100 + response.Month);
        return await store.CommitAsync(work, cancellationToken) switch
        {
            Committed => true,
            VersionConflict => false,
            var other => throw new InvalidOperationException($"The survey answer could not be stored ({other.GetType().Name})."),
        };
    }

    public async Task<SurveyAggregate> SummaryAsync(CallerIdentity caller, string organisation, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        PlanAuthorization.RequireSurveyReader(caller, organisation);
        if (to < from || (to.Year - from.Year) * 12 + to.Month - from.Month >= 36)
        {
            throw RuleViolation.Invalid("to", "to must not be before from, and the period at most 36 months.");
        }
        var ids = new List<string>();
        for (var skip = 0; ; skip += 1000)
        {
            var entries = await store.QueryIndexAsync(SipStore.Indexes.Survey(organisation), from.Year * 100 + from.Month, to.Year * 100 + to.Month,
                skip, 1000, cancellationToken: cancellationToken);
            ids.AddRange(entries.Select(e => e.Member));
            if (entries.Count < 1000) break;
        }
        var documents = await store.GetManyAsync(SipStore.SurveyResponses, ids, cancellationToken);
        var responses = documents.Select(d => JsonSerializer.Deserialize<SurveyResponse>(d.Data.Span, SipJson.Options)!);
        return new SurveyAggregator(MinimumCount).Aggregate(_definition, responses);
    }
}
