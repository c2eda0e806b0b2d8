using System.Text.Json.Serialization;

namespace Samverkan.DischargeNotices.Application.Persistence;

// Source-generated JSON for everything the service stores (eShop Basket style). Enums are stored by
// name, so reordering an enum never changes stored data.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    Converters = [typeof(Samverkan.ServiceCore.Json.PersonalIdentityNumberJsonConverter)])]
[JsonSerializable(typeof(CaseDocument))]
[JsonSerializable(typeof(OpenPatientLock))]
[JsonSerializable(typeof(FeedEntry))]
public sealed partial class DischargeJsonContext : JsonSerializerContext;
