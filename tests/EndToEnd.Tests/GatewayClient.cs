using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Discharge.V1;

namespace Samverkan.EndToEnd.Tests;

// Talks to the running platform the way an integrating system does: a client-credentials token
// from the identity server, gRPC over h2c to the gateway's "grpc" endpoint.
public sealed class GatewayClient : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly Uri _identity;

    // The gateway's h2c endpoint "grpc" (AppHost/Program.cs).
    public GatewayClient(PlatformRun platform) : this(platform.Endpoint("gateway", "grpc"), platform.Endpoint("identity"))
    {
    }

    public GatewayClient(Uri gatewayGrpc, Uri identity)
    {
        _channel = GrpcChannel.ForAddress(gatewayGrpc);
        _identity = identity;
    }

    // Operators reach a service's grpc.health.v1 through the gateway by naming it in a header.
    public async Task<HealthCheckResponse.Types.ServingStatus> CheckHealthAsync(string service)
    {
        var headers = new Metadata { { "x-samverkan-service", service } };
        var response = await new Health.HealthClient(_channel).CheckAsync(new HealthCheckRequest(), headers, DateTime.UtcNow.AddSeconds(10));
        return response.Status;
    }

    public Samverkan.Contracts.Discharge.V1.DischargeNotices.DischargeNoticesClient DischargeNotices => new(_channel);

    // Development secret of the system-{alias} client (deploy/keycloak/samverkan-realm.dev.json).
    public async Task<Metadata> SystemAsync(string organisationAlias)
    {
        using var http = new HttpClient();
        var response = await http.PostAsync(new Uri(_identity, "realms/samverkan/protocol/openid-connect/token"), new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", $"system-{organisationAlias}"),
            new("client_secret", $"dev-secret-system-{organisationAlias}"),
        ]));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<Token>();
        return new Metadata { { "authorization", $"Bearer {token!.AccessToken}" } };
    }

    // Skatteverket's test personnummer (Tolvan Tolvansson) and the rest of the patient's personal data.
    public const string PersonalIdentityNumber = "191212121212";
    public const string GivenName = "Tolvan";
    public const string FamilyName = "Tolvansson";
    public const string Street = "Storgatan 1";

    // An admission notice from Falu lasarett for a Falun resident, sent by the region's system.
    public static SendAdmissionNoticeRequest AdmissionNotice(string personalIdentityNumber = PersonalIdentityNumber)
    {
        var admittedAt = DateTimeOffset.UtcNow.AddHours(-2);
        var estimate = admittedAt.AddDays(5);
        var request = new SendAdmissionNoticeRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            ActingUnit = new UnitRef { Id = "20-slv-falun-med" },
            Patient = new Patient
            {
                PersonalIdentityNumber = new PersonalIdentityNumber { Value = personalIdentityNumber },
                GivenName = GivenName,
                FamilyName = FamilyName,
                RegisteredAddress = new PostalAddress { Street = Street, PostalCode = "791 71", City = "Falun" },
            },
            ResidenceMunicipality = new OrganisationRef { Code = "2080" },
            AdmittedAt = Timestamp.FromDateTimeOffset(admittedAt),
            CareType = CareType.Somatic,
            EstimatedDischargeDate = new Google.Type.Date { Year = estimate.Year, Month = estimate.Month, Day = estimate.Day },
            Consent = new Consent { GivenAt = Timestamp.FromDateTimeOffset(admittedAt), Form = ConsentForm.Verbal, Giver = ConsentGiver.Patient },
        };
        request.Consent.Scopes.AddRange([ConsentScope.SendNotices, ConsentScope.TransferInformation]);
        request.Needs.AddRange([CareNeed.SocialServices, CareNeed.MunicipalHealthCare]);
        return request;
    }

    // Informationsöverföring from the sending unit: free text about the patient.
    public static TransferInformationRequest InformationTransfer(string caseId, string summary) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        ActingUnit = new UnitRef { Id = "20-slv-falun-med" },
        CaseId = caseId,
        Summary = summary,
    };

    public void Dispose() => _channel.Dispose();

    private sealed record Token([property: JsonPropertyName("access_token")] string AccessToken);
}
