using Grpc.Core;
using Samverkan.Contracts.Relatives.V1;

namespace Samverkan.Portal.Gateway;

// Relative support (anhörigstöd) through the gateway with the signed-in user's own token. The
// service decides per call what the user may see: a consultant only their municipality, a
// referring unit only the status of its organisation's referrals.
public sealed class RelativeCalls(GatewayCalls calls, GatewayChannel gateway)
{
    public RelativeSupport.RelativeSupportClient Client { get; } = new(gateway.Channel);

    public Task<T> CallAsync<T>(Func<RelativeSupport.RelativeSupportClient, CallOptions, AsyncUnaryCall<T>> call) =>
        calls.CallAsync(o => call(Client, o));

    public Task<ListIncomingReferralsResponse> IncomingAsync(int pageSize = 100) =>
        CallAsync((c, o) => c.ListIncomingReferralsAsync(new ListIncomingReferralsRequest { Page = new() { PageSize = pageSize } }, o));

    // One page of the municipality's relatives, newest first; the service logs every row returned as a read.
    public Task<ListRelativesResponse> ListAsync(string municipalityCode, RelativeState state, bool childrenOnly, int pageSize, string pageToken = "") =>
        CallAsync((c, o) => c.ListRelativesAsync(new ListRelativesRequest
        {
            MunicipalityCode = municipalityCode,
            State = state,
            ChildrenOnly = childrenOnly,
            Page = new() { PageSize = pageSize, PageToken = pageToken },
        }, o));

    public Task<Relative> RelativeAsync(string relativeId) =>
        CallAsync((c, o) => c.GetRelativeAsync(new GetRelativeRequest { RelativeId = relativeId }, o));

    // Accepting twice with one request id is one acceptance; a stale version is refused.
    public Task<RelativeAccepted> AcceptAsync(IncomingReferral referral, string requestId) =>
        CallAsync((c, o) => c.AcceptReferralAsync(new AcceptReferralRequest
        {
            RequestId = requestId,
            ReferralId = referral.ReferralId,
            ExpectedVersion = referral.Version,
        }, o));

    public Task<SupportCatalogue> CatalogueAsync(string municipalityCode) =>
        CallAsync((c, o) => c.GetSupportCatalogueAsync(new GetSupportCatalogueRequest { MunicipalityCode = municipalityCode }, o));

    public Task<ReferralReceipt> ReferralStatusAsync(string referralId) =>
        CallAsync((c, o) => c.GetReferralStatusAsync(new GetReferralStatusRequest { ReferralId = referralId }, o));
}
