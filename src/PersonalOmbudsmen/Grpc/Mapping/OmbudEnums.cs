using Samverkan.SharedKernel.Identity;
using Proto = Samverkan.Contracts.Ombud.V1;

namespace Samverkan.PersonalOmbudsmen.Grpc.Mapping;

// The contract's enums and the domain's share their numbers (UNSPECIFIED = 0 exists only in the
// contract); OmbudEnumsTests proves every value maps both ways by name. A value the domain does not
// define (0, or a number from a newer client) is refused there as INVALID_ARGUMENT naming the field.
public static class OmbudEnums
{
    public static TDomain ToDomain<TProto, TDomain>(TProto value) where TProto : struct, Enum where TDomain : struct, Enum =>
        (TDomain)Enum.ToObject(typeof(TDomain), Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));

    public static TProto ToProto<TDomain, TProto>(TDomain value) where TDomain : struct, Enum where TProto : struct, Enum =>
        (TProto)Enum.ToObject(typeof(TProto), Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));

    public static Proto.Sex ToProto(LegalSex sex) => sex switch
    {
        LegalSex.Female => Proto.Sex.Female,
        LegalSex.Male => Proto.Sex.Male,
        _ => throw new ArgumentOutOfRangeException(nameof(sex), sex, "A sex without a contract value."),
    };
}
