using Grpc.Core;
using Samverkan.Contracts.Audit.V1;
using Samverkan.ServiceCore.Grpc;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SipPlans.Export;
using Samverkan.SipPlans.Grpc.Mapping;
using Proto = Samverkan.Contracts.Sip.V1;

namespace Samverkan.SipPlans.Grpc;

// Reading and exporting (every plan returned is access-logged by the queries).
public sealed partial class SipPlansService
{
    public override async Task<Proto.Plan> GetPlan(Proto.GetPlanRequest request, ServerCallContext context)
    {
        var plan = await queries.GetAsync(context.GetCaller(), RequestReader.PlanId(request.PlanId), AccessAction.Read, context.CancellationToken);
        return PlanMapper.ToProto(plan, queries.Now, queries.Today);
    }

    public override async Task<Proto.PlanHistory> GetPlanHistory(Proto.GetPlanHistoryRequest request, ServerCallContext context) =>
        PlanMapper.History(await queries.GetAsync(context.GetCaller(), RequestReader.PlanId(request.PlanId), AccessAction.Read, context.CancellationToken));

    public override async Task<Proto.ListPlansResponse> ListPlans(Proto.ListPlansRequest request, ServerCallContext context)
    {
        var states = request.States.Select(s => ProtoEnums.ToDomain(s, "states")).Distinct().ToList();
        var (plans, next) = await queries.ListAsync(context.GetCaller(), states, request.Page?.PageSize ?? 0, request.Page?.PageToken, context.CancellationToken);
        return Page(new Proto.ListPlansResponse { NextPageToken = next }, r => r.Plans, plans);
    }

    public override async Task<Proto.ListOverduePlansResponse> ListOverduePlans(Proto.ListOverduePlansRequest request, ServerCallContext context)
    {
        var (plans, next) = await queries.OverdueAsync(context.GetCaller(), request.Page?.PageSize ?? 0, request.Page?.PageToken, context.CancellationToken);
        return Page(new Proto.ListOverduePlansResponse { NextPageToken = next }, r => r.Plans, plans);
    }

    public override async Task<Proto.ListPlansResponse> ListPersonPlans(Proto.ListPersonPlansRequest request, ServerCallContext context)
    {
        var person = ProtoIdentity.PersonalIdentityNumber(request.PersonalIdentityNumber, "personal_identity_number", queries.Today);
        var (plans, next) = await queries.PersonAsync(context.GetCaller(), person, request.Page?.PageSize ?? 0, request.Page?.PageToken, context.CancellationToken);
        return Page(new Proto.ListPlansResponse { NextPageToken = next }, r => r.Plans, plans);
    }

    public override async Task<Proto.ExportedDocument> ExportPlanDocument(Proto.ExportPlanRequest request, ServerCallContext context)
    {
        var (plan, version) = await queries.GetVersionAsync(context.GetCaller(), RequestReader.PlanId(request.PlanId), request.VersionNumber,
            AccessAction.Print, context.CancellationToken);
        return new Proto.ExportedDocument
        {
            PlanId = plan.Id, VersionNumber = version.Number, MediaType = "text/html; charset=utf-8",
            Content = PlanHtmlDocument.Render(plan, version, queries.Directory),
        };
    }

    public override async Task<Proto.ExportedDocument> ExportPlanFhir(Proto.ExportPlanRequest request, ServerCallContext context)
    {
        var (plan, version) = await queries.GetVersionAsync(context.GetCaller(), RequestReader.PlanId(request.PlanId), request.VersionNumber,
            AccessAction.Export, context.CancellationToken);
        return new Proto.ExportedDocument
        {
            PlanId = plan.Id, VersionNumber = version.Number, MediaType = "application/fhir+json",
            Content = PlanFhirExport.ToJson(plan, version, queries.Directory, queries.Now),
        };
    }

    private TResponse Page<TResponse>(TResponse response, Func<TResponse, Google.Protobuf.Collections.RepeatedField<Proto.PlanSummary>> list,
        IEnumerable<SipPlan> plans)
    {
        list(response).AddRange(plans.Select(p => PlanMapper.Summary(p, queries.Now, queries.Today)));
        return response;
    }
}
