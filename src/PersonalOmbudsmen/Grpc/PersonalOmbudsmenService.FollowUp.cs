using Grpc.Core;
using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Deficiencies;
using Samverkan.PersonalOmbudsmen.Grpc.Mapping;
using Samverkan.ServiceCore.Grpc;
using Samverkan.ServiceDefaults.Authorization;
using Proto = Samverkan.Contracts.Ombud.V1;

namespace Samverkan.PersonalOmbudsmen.Grpc;

// System deficiencies and the annual follow-up: no personal data.
public sealed partial class PersonalOmbudsmenService
{
    public override async Task<Proto.DeficiencyChanged> ReportSystemDeficiency(Proto.ReportSystemDeficiencyRequest request, ServerCallContext context) =>
        OmbudMapper.ToProto(await deficiencies.ReportAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(ReportSystemDeficiency)),
            OmbudEnums.ToDomain<Proto.AuthorityKind, AuthorityKind>(request.AuthorityKind), request.AuthorityName,
            OmbudEnums.ToDomain<Proto.DeficiencyKind, DeficiencyKind>(request.Kind), request.Description,
            request.ObservedOn is null ? null : ProtoTime.Required(request.ObservedOn, "observed_on"), context.CancellationToken));

    public override async Task<Proto.ListSystemDeficienciesResponse> ListSystemDeficiencies(Proto.ListSystemDeficienciesRequest request, ServerCallContext context)
    {
        DeficiencyStatus? status = request.Status == Proto.DeficiencyStatus.Unspecified
            ? null
            : Vocabulary.Require("status", OmbudEnums.ToDomain<Proto.DeficiencyStatus, DeficiencyStatus>(request.Status));
        var page = await deficiencies.ListAsync(context.GetCaller(), status, request.Page?.PageSize ?? 0, request.Page?.PageToken, context.CancellationToken);
        var response = new Proto.ListSystemDeficienciesResponse { NextPageToken = page.NextPageToken };
        response.Deficiencies.AddRange(page.Deficiencies.Select(OmbudMapper.ToProto));
        return response;
    }

    public override async Task<Proto.DeficiencyChanged> ReviewSystemDeficiency(Proto.ReviewSystemDeficiencyRequest request, ServerCallContext context) =>
        OmbudMapper.ToProto(await deficiencies.ReviewAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(ReviewSystemDeficiency)),
            request.DeficiencyId, request.ExpectedVersion, OmbudEnums.ToDomain<Proto.ReviewDecision, ReviewDecision>(request.Decision),
            request.Comment, context.CancellationToken));

    public override async Task<Proto.DeficiencyChanged> MarkDeficiencyForwarded(Proto.MarkDeficiencyForwardedRequest request, ServerCallContext context) =>
        OmbudMapper.ToProto(await deficiencies.MarkForwardedAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(MarkDeficiencyForwarded)),
            request.DeficiencyId, request.ExpectedVersion, ProtoTime.Required(request.ForwardedOn, "forwarded_on"), context.CancellationToken));

    public override async Task<Proto.AnnualFollowUp> GetAnnualFollowUp(Proto.GetAnnualFollowUpRequest request, ServerCallContext context) =>
        OmbudMapper.ToProto(await followUp.GetAsync(context.GetCaller(), request.Year, request.Municipality?.Code?.Trim(), context.CancellationToken));
}
