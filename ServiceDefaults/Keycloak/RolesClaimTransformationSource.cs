namespace Samverkan.ServiceDefaults.Keycloak;

[Flags]
public enum RolesClaimTransformationSource
{
    None = 0,
    Realm = 1,
    ResourceAccess = 2,
    All = Realm | ResourceAccess,
}
