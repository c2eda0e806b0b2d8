using Samverkan.PersonalOmbudsmen.Application.Commands;
using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Rules;
using Samverkan.ServiceCore.Grpc;
using Proto = Samverkan.Contracts.Ombud.V1;

namespace Samverkan.PersonalOmbudsmen.Grpc.Mapping;

// Contract → application input. Shapes only (required messages, list sizes); the rules are the domain's.
public static class OmbudRequests
{
    public static OpeningRequest Opening(Proto.OpenAssignmentRequest request)
    {
        var client = request.Client ?? throw OmbudRuleViolation.Invalid("client", "client is required.");
        var mandate = request.Mandate ?? throw OmbudRuleViolation.Invalid("mandate", "mandate is required (given_at and form).");
        return new OpeningRequest(
            request.Municipality?.Code?.Trim(),
            client.PersonalIdentityNumber?.Value,
            client.GivenName,
            client.FamilyName,
            client.Phone,
            client.ProtectedIdentity,
            ProtoTime.Optional(mandate.GivenAt, "mandate.given_at"),
            OmbudEnums.ToDomain<Proto.MandateForm, MandateForm>(mandate.Form),
            Bounded(request.Areas, Enum.GetValues<Area>().Length, "areas").Select(OmbudEnums.ToDomain<Proto.Area, Area>).ToList(),
            Bounded(request.Goals, Bounds.MaxGoals, "goals").ToList());
    }

    public static IReadOnlyCollection<string> EntryIds(IReadOnlyCollection<string> ids)
    {
        Bounded(ids, Bounds.MaxAgreementEntries, "entry_ids");
        if (ids.Any(id => id.Length > Bounds.EntryIdLength))
        {
            throw OmbudRuleViolation.Invalid("entry_ids", $"An entry id has at most {Bounds.EntryIdLength} characters (e.g. \"n4\").");
        }
        return ids;
    }

    private static IReadOnlyCollection<T> Bounded<T>(IReadOnlyCollection<T> items, int max, string field) =>
        items.Count <= max ? items : throw OmbudRuleViolation.Invalid(field, $"{field} has {items.Count} entries; at most {max}.");
}
