using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Deficiencies;
using Samverkan.PersonalOmbudsmen.Domain.Statistics;
using Samverkan.PersonalOmbudsmen.Grpc.Mapping;
using Proto = Samverkan.Contracts.Ombud.V1;

namespace Samverkan.PersonalOmbudsmen.Tests.Unit.Application;

// The contract's enums and the domain's share numbers (OmbudEnums casts); this is what makes that
// safe: the same values on both sides, with the same names where the names can be the same.
public class OmbudEnumsTests
{
    [Fact]
    public void Every_contract_value_has_its_domain_value_and_back()
    {
        SameNames<Proto.Area, Area>();
        SameNames<Proto.MandateForm, MandateForm>();
        SameNames<Proto.AssignmentStatus, AssignmentStatus>();
        SameNames<Proto.Outcome, Outcome>();
        SameNames<Proto.AuthorityKind, AuthorityKind>();
        SameNames<Proto.AgreementState, AgreementState>();
        SameNames<Proto.DeficiencyKind, DeficiencyKind>();
        SameNames<Proto.DeficiencyStatus, DeficiencyStatus>();
        SameNames<Proto.ReviewDecision, ReviewDecision>();
        SameNumbers<Proto.AgeBand, AgeBand>();
        SameNumbers<Proto.LengthBand, LengthBand>();
        Assert.Equal(Proto.AgeBand._1824, OmbudEnums.ToProto<AgeBand, Proto.AgeBand>(AgeBand.From18To24));
        Assert.Equal(Proto.AgeBand._65Plus, OmbudEnums.ToProto<AgeBand, Proto.AgeBand>(AgeBand.From65));
        Assert.Equal(Proto.LengthBand._24MonthsOrMore, OmbudEnums.ToProto<LengthBand, Proto.LengthBand>(LengthBand.From24Months));
    }

    [Fact]
    public void Unspecified_becomes_a_value_the_domain_refuses() =>
        Assert.False(Enum.IsDefined(OmbudEnums.ToDomain<Proto.Area, Area>(Proto.Area.Unspecified)));

    private static void SameNames<TProto, TDomain>() where TProto : struct, Enum where TDomain : struct, Enum
    {
        SameNumbers<TProto, TDomain>();
        foreach (var value in Enum.GetValues<TProto>().Where(v => Convert.ToInt32(v) != 0))
        {
            Assert.Equal(value.ToString(), OmbudEnums.ToDomain<TProto, TDomain>(value).ToString());
        }
    }

    private static void SameNumbers<TProto, TDomain>() where TProto : struct, Enum where TDomain : struct, Enum =>
        Assert.Equal(
            Enum.GetValues<TProto>().Select(v => Convert.ToInt32(v)).Where(n => n != 0).Order(),
            Enum.GetValues<TDomain>().Select(v => Convert.ToInt32(v)).Order());
}
