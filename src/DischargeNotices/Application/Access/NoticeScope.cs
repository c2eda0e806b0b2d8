namespace Samverkan.DischargeNotices.Application.Access;

// What a list or a subscription covers: one unit, or every unit of one organisation.
public sealed record NoticeScope(string OrganisationCode, string? UnitId)
{
    public static NoticeScope ForUnit(string organisationCode, string unitId) => new(organisationCode, unitId);

    public static NoticeScope ForOrganisation(string organisationCode) => new(organisationCode, null);

    public bool Includes(string unitId, string unitOrganisation) =>
        UnitId is null ? unitOrganisation == OrganisationCode : unitId == UnitId;
}
