using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Samverkan.DischargeNotices.Tests.Support;

namespace Samverkan.DischargeNotices.Tests.Integration.Json;

// Requests as an integrator without gRPC writes them from the documentation: lowerCamelCase
// fields, enum names, RFC 3339 timestamps.
public static class JsonRequests
{
    public static JsonObject Admission(DateTimeOffset admittedAt, string? personnummer = null, string requestId = "") => new()
    {
        ["requestId"] = requestId.Length > 0 ? requestId : Guid.NewGuid().ToString(),
        ["patient"] = new JsonObject
        {
            ["personalIdentityNumber"] = new JsonObject { ["value"] = personnummer ?? TestPatients.NextNumber().Value },
            ["givenName"] = "Tolvan",
            ["familyName"] = "Tolvansson",
            ["registeredAddress"] = new JsonObject { ["street"] = "Storgatan 1", ["postalCode"] = "791 71", ["city"] = "Falun" },
        },
        ["residenceMunicipality"] = new JsonObject { ["code"] = "2080" },
        ["admittedAt"] = Timestamp(admittedAt),
        ["needs"] = new JsonArray("CARE_NEED_SOCIAL_SERVICES", "CARE_NEED_MUNICIPAL_HEALTH_CARE"),
        ["careType"] = "CARE_TYPE_SOMATIC",
        ["estimatedDischargeDate"] = new JsonObject { ["year"] = admittedAt.AddDays(5).Year, ["month"] = admittedAt.AddDays(5).Month, ["day"] = admittedAt.AddDays(5).Day },
        ["consent"] = new JsonObject
        {
            ["scopes"] = new JsonArray("CONSENT_SCOPE_SEND_NOTICES", "CONSENT_SCOPE_TRANSFER_INFORMATION", "CONSENT_SCOPE_SIP"),
            ["givenAt"] = Timestamp(admittedAt),
            ["form"] = "CONSENT_FORM_VERBAL",
            ["giver"] = "CONSENT_GIVER_PATIENT",
        },
    };

    public static string Timestamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())
        ?? throw new Xunit.Sdk.XunitException($"HTTP {(int)response.StatusCode} without a JSON body.");
}
