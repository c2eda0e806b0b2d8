namespace Samverkan.AccessLog.Review;

public enum UnitCheck
{
    OwnOrganisation,
    OtherOrganisation,
    Unknown,
}
