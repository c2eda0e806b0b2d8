using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Samverkan.RelativeSupport.Grpc.Mapping;
using Samverkan.ServiceCore.Grpc;
using Samverkan.ServiceDefaults.Authorization;
using Contract = Samverkan.Contracts.Relatives.V1.RelativeSupport;
using Proto = Samverkan.Contracts.Relatives.V1;

namespace Samverkan.RelativeSupport.Grpc;

// The gRPC front door (samverkan.relatives.v1.RelativeSupport). Thin: read the request, identify
// the caller from the token, call the application layer (which authorizes), map the answer.
[Authorize]
public sealed class RelativeSupportService(RelativeCommands commands, RelativeQueries queries) : Contract.RelativeSupportBase
{
    public override async Task<Proto.RelativeAccepted> RegisterRelative(Proto.RegisterRelativeRequest request, ServerCallContext context) =>
        RelativeMapper.Accepted(await commands.RegisterAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(RegisterRelative)),
            request.MunicipalityCode, RelativeMapper.Details(request.Relative), RelativeMapper.ToDomain(request.Relationship),
            RelativeMapper.CaredFor(request.CaredFor), request.ConsentToRegistration, context.CancellationToken));

    public override async Task<Proto.Relative> GetRelative(Proto.GetRelativeRequest request, ServerCallContext context)
    {
        var (relative, version) = await queries.RelativeAsync(context.GetCaller(), RelativeMapper.Id(request.RelativeId, "relative_id"), context.CancellationToken);
        return RelativeMapper.ToProto(relative, version);
    }

    public override async Task<Proto.ListRelativesResponse> ListRelatives(Proto.ListRelativesRequest request, ServerCallContext context)
    {
        var page = await queries.RelativesAsync(context.GetCaller(), request.MunicipalityCode, RelativeMapper.Filter(request.State), request.ChildrenOnly,
            request.Page?.PageSize ?? 0, request.Page?.PageToken, context.CancellationToken);
        var response = new Proto.ListRelativesResponse { NextPageToken = page.NextPageToken };
        response.Relatives.AddRange(page.Relatives.Select(r => RelativeMapper.ToSummary(r.Relative, r.Version)));
        return response;
    }

    public override async Task<Proto.RelativeAccepted> UpdateContactDetails(Proto.UpdateContactDetailsRequest request, ServerCallContext context) =>
        RelativeMapper.Accepted(await commands.ChangeAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(UpdateContactDetails)),
            nameof(UpdateContactDetails), RelativeMapper.Id(request.RelativeId, "relative_id"), request.ExpectedVersion,
            (relative, _, _) => { relative.UpdateContactDetails(request.Phone, request.Email, RelativeMapper.Address(request.Address, "address.")); return null; },
            context.CancellationToken));

    public override async Task<Proto.RelativeAccepted> RecordNeed(Proto.RecordNeedRequest request, ServerCallContext context) =>
        RelativeMapper.Accepted(await commands.ChangeAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(RecordNeed)),
            nameof(RecordNeed), RelativeMapper.Id(request.RelativeId, "relative_id"), request.ExpectedVersion,
            (relative, _, today) => { relative.RecordNeed(request.Text, RelativeMapper.Date(request.RecordedOn, "recorded_on"), today); return null; },
            context.CancellationToken));

    public override async Task<Proto.RelativeAccepted> OfferSupport(Proto.OfferSupportRequest request, ServerCallContext context) =>
        RelativeMapper.Accepted(await commands.ChangeAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(OfferSupport)),
            nameof(OfferSupport), RelativeMapper.Id(request.RelativeId, "relative_id"), request.ExpectedVersion,
            (relative, catalogue, today) => relative.OfferSupport(Guid.NewGuid().ToString("N"), RelativeMapper.ToDomain(request.Form),
                RelativeMapper.Date(request.OfferedOn, "offered_on"), catalogue, today).Form,
            context.CancellationToken));

    public override async Task<Proto.RelativeAccepted> RecordSupportProgress(Proto.RecordSupportProgressRequest request, ServerCallContext context) =>
        RelativeMapper.Accepted(await commands.ChangeAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(RecordSupportProgress)),
            nameof(RecordSupportProgress), RelativeMapper.Id(request.RelativeId, "relative_id"), request.ExpectedVersion,
            (relative, _, today) =>
            {
                relative.RecordSupportProgress(RelativeMapper.Id(request.SupportId, "support_id"), RelativeMapper.ToDomain(request.Status),
                    RelativeMapper.Date(request.On, "on"), today);
                return null;
            },
            context.CancellationToken));

    public override async Task<Proto.RelativeAccepted> AssignSupportContact(Proto.AssignSupportContactRequest request, ServerCallContext context) =>
        RelativeMapper.Accepted(await commands.ChangeAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(AssignSupportContact)),
            nameof(AssignSupportContact), RelativeMapper.Id(request.RelativeId, "relative_id"), request.ExpectedVersion,
            (relative, _, _) => { relative.AssignSupportContact(request.SupportContact); return null; },
            context.CancellationToken));

    public override async Task<Proto.RelativeAccepted> RecordFollowUp(Proto.RecordFollowUpRequest request, ServerCallContext context) =>
        RelativeMapper.Accepted(await commands.ChangeAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(RecordFollowUp)),
            nameof(RecordFollowUp), RelativeMapper.Id(request.RelativeId, "relative_id"), request.ExpectedVersion,
            (relative, _, today) => { relative.RecordFollowUp(RelativeMapper.Date(request.FollowedUpOn, "followed_up_on"), request.Note, today); return null; },
            context.CancellationToken));

    public override async Task<Proto.ConsentWithdrawn> WithdrawConsent(Proto.WithdrawConsentRequest request, ServerCallContext context) =>
        new() { RelativeId = (await commands.WithdrawConsentAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(WithdrawConsent)),
            RelativeMapper.Id(request.RelativeId, "relative_id"), request.ExpectedVersion, context.CancellationToken)).Id };

    public override async Task<Proto.ListIncomingReferralsResponse> ListIncomingReferrals(Proto.ListIncomingReferralsRequest request, ServerCallContext context)
    {
        var page = await queries.IncomingAsync(context.GetCaller(), request.Page?.PageSize ?? 0, request.Page?.PageToken, context.CancellationToken);
        var response = new Proto.ListIncomingReferralsResponse { NextPageToken = page.NextPageToken };
        response.Referrals.AddRange(page.Referrals.Select(r => RelativeMapper.ToProto(r.Referral, r.Version)));
        return response;
    }

    public override async Task<Proto.RelativeAccepted> AcceptReferral(Proto.AcceptReferralRequest request, ServerCallContext context) =>
        RelativeMapper.Accepted(await commands.AcceptReferralAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(AcceptReferral)),
            RelativeMapper.Id(request.ReferralId, "referral_id"), request.ExpectedVersion, context.CancellationToken));

    public override async Task<Proto.SupportCatalogue> GetSupportCatalogue(Proto.GetSupportCatalogueRequest request, ServerCallContext context)
    {
        var (catalogue, version) = await queries.CatalogueAsync(context.GetCaller(), request.MunicipalityCode, context.CancellationToken);
        return RelativeMapper.ToProto(catalogue, version);
    }

    public override async Task<Proto.SupportCatalogue> SetSupportCatalogue(Proto.SetSupportCatalogueRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        await commands.SetCatalogueAsync(caller, IdempotencyKeys.For(request, nameof(SetSupportCatalogue)), request.MunicipalityCode,
            request.ExpectedVersion, request.Forms.Select(f => RelativeMapper.ToDomain(f, "forms")).ToList(), context.CancellationToken);
        var (catalogue, version) = await queries.CatalogueAsync(caller, request.MunicipalityCode, context.CancellationToken);
        return RelativeMapper.ToProto(catalogue, version);
    }

    public override async Task<Proto.ReferralReceipt> ReferRelative(Proto.ReferRelativeRequest request, ServerCallContext context)
    {
        var result = await commands.ReferAsync(context.GetCaller(), IdempotencyKeys.For(request, nameof(ReferRelative)),
            request.ReferringUnitId, request.ToMunicipalityCode, RelativeMapper.Details(request.Relative), RelativeMapper.ToDomain(request.Relationship),
            request.ConsentGiven, RelativeMapper.ToDomain(request.ChildSituation), request.Need, context.CancellationToken);
        return RelativeMapper.Receipt(result.Id, Domain.Referrals.ReferralStatus.Received);
    }

    public override async Task<Proto.ReferralReceipt> GetReferralStatus(Proto.GetReferralStatusRequest request, ServerCallContext context)
    {
        var referral = await queries.ReferralStatusAsync(context.GetCaller(), RelativeMapper.Id(request.ReferralId, "referral_id"), context.CancellationToken);
        return RelativeMapper.Receipt(referral.Id, referral.Status);
    }

    public override async Task<Proto.Statistics> GetStatistics(Proto.GetStatisticsRequest request, ServerCallContext context) =>
        RelativeMapper.ToProto(await queries.StatisticsAsync(context.GetCaller(), request.MunicipalityCode, request.Year, context.CancellationToken));
}
