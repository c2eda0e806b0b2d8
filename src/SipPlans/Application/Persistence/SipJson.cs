using System.Text.Json;
using System.Text.Json.Serialization;
using Samverkan.ServiceCore.Json;

namespace Samverkan.SipPlans.Application.Persistence;

// The persisted format of plans: the event history (PlanEvent's discriminators), enums by name.
public static class SipJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new PersonalIdentityNumberJsonConverter(), new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

// One plan in the store: its id and its history.
public sealed record PlanDocument(string Id, IReadOnlyList<PlanEvent> Events);

// What a discharge case is linked to.
public sealed record DischargeLink(string PlanId);

public sealed record LoadedPlan(SipPlan Plan, long Version);
