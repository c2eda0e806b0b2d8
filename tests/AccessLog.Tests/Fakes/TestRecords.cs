using Google.Protobuf.WellKnownTypes;
using Samverkan.Contracts.Audit.V1;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.AccessLog.Tests.Fakes;

public static class TestRecords
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static AccessRecord Access(
        string organisation = "2080",
        string unit = "2080-soc",
        string subject = "user-falun-1",
        string personRef = "p_person1",
        DateTimeOffset? at = null,
        AccessAction action = AccessAction.Read,
        bool protectedIdentity = false,
        string resourceOrganisation = "",
        string resourceUnit = "") => new()
        {
            RecordId = Guid.NewGuid().ToString(),
            OccurredAt = Timestamp.FromDateTimeOffset(at ?? Noon),
            Action = action,
            Service = "discharge-notices",
            UserSubject = subject,
            Username = subject,
            UnitId = unit,
            OrganisationCode = organisation,
            PersonRef = personRef,
            ProtectedIdentity = protectedIdentity,
            Purpose = "discharge-planning",
            Resource = "discharge-case/" + Guid.NewGuid(),
            ResourceOrganisationCode = resourceOrganisation,
            ResourceUnitId = resourceUnit,
        };

    public static CallerIdentity Caller(string organisation, string? unit, params string[] roles) => new(
        Subject: $"sub-{organisation}-{unit}",
        Username: $"user-{organisation}",
        ClientId: "portal",
        IsServiceAccount: false,
        OrganisationAlias: organisation == "2080" ? "falun" : organisation == "2062" ? "mora" : "org" + organisation,
        OrganisationCode: organisation,
        OrganisationKind: organisation == "20" ? OrganisationKind.Region : OrganisationKind.Municipality,
        UnitId: unit,
        Roles: new HashSet<string>(roles));
}
