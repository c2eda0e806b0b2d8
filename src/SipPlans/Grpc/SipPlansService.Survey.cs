using Grpc.Core;
using Samverkan.ServiceCore.Grpc;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SipPlans.Grpc.Mapping;
using Proto = Samverkan.Contracts.Sip.V1;

namespace Samverkan.SipPlans.Grpc;

// The experience survey (SIPkollen): anonymous answers, aggregates with small counts suppressed.
public sealed partial class SipPlansService
{
    public override async Task<Proto.SubmitSurveyResponseResponse> SubmitSurveyResponse(Proto.SubmitSurveyResponseRequest request, ServerCallContext context)
    {
        var stored = await survey.SubmitAsync(context.GetCaller(), RequestReader.PlanId(request.PlanId),
            ProtoEnums.ToDomain(request.Occasion, "occasion"), request.Answers, context.CancellationToken);
        return new Proto.SubmitSurveyResponseResponse { Replayed = !stored };
    }

    public override Task<Proto.SurveyDefinition> GetSurveyDefinition(Proto.GetSurveyDefinitionRequest request, ServerCallContext context)
    {
        context.GetCaller();
        var definition = survey.Definition;
        var message = new Proto.SurveyDefinition { SurveyId = definition.Id, ScaleMin = definition.Scale.Min, ScaleMax = definition.Scale.Max };
        message.Items.AddRange(definition.Items.Select(i => new Proto.SurveyItem { ItemId = i.Id, Text = i.Text }));
        message.ScaleLabels.AddRange(definition.Scale.Labels);
        return Task.FromResult(message);
    }

    public override async Task<Proto.SurveySummary> GetSurveySummary(Proto.GetSurveySummaryRequest request, ServerCallContext context)
    {
        var organisation = RequestReader.OrganisationCode(request.Organisation)
            ?? throw RuleViolation.Invalid("organisation", "organisation is required.");
        var aggregate = await survey.SummaryAsync(context.GetCaller(), organisation, ProtoTime.Required(request.From, "from"),
            ProtoTime.Required(request.To, "to"), context.CancellationToken);
        var message = new Proto.SurveySummary { SurveyId = aggregate.SurveyId, Respondents = aggregate.Respondents ?? 0, MinimumCount = survey.MinimumCount };
        message.Items.AddRange(aggregate.Items.Select(i =>
        {
            var item = new Proto.SurveyItemSummary { ItemId = i.ItemId, Suppressed = i.Suppressed, Count = i.Count ?? 0, Mean = i.Mean ?? 0 };
            item.Distribution.AddRange(i.Distribution.Select(c => c ?? -1));
            return item;
        }));
        return message;
    }
}
