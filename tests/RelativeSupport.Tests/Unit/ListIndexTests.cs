using Samverkan.RelativeSupport.Application;
using Samverkan.RelativeSupport.Domain.Catalogue;
using Samverkan.RelativeSupport.Domain.Relatives;

namespace Samverkan.RelativeSupport.Tests.Unit;

// Which list indexes a relative is in, and what a change moves (no store needed).
public class ListIndexTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static Relative Child() => Relative.Register("c1", "2081",
        RelativeDetails.Create("Alva", "Ödmark", DomainTests.ChildNumber, 0, Sex.Unknown, null, null, false, Today),
        Relationship.Child, CaredForPerson.Unknown, true, Today);

    [Fact]
    public void A_child_is_in_the_municipalitys_lists_and_its_children_lists_by_state()
    {
        var indexes = RelativeStore.MembershipOf(Child()).Entries.Keys.Select(k => k.Index).Order().ToList();
        Assert.Equal(["relatives-2081", "relatives-2081-children", "relatives-2081-children-open", "relatives-2081-open"], indexes);
        Assert.Empty(RelativeStore.MembershipOf(null).Entries);
    }

    [Fact]
    public void Closing_moves_the_relative_from_the_open_to_the_closed_lists_and_nothing_else()
    {
        var child = Child();
        child.OfferSupport("s1", SupportForm.Conversation, Today, SupportCatalogue.Default("2081"), Today);
        var before = RelativeStore.MembershipOf(child);
        child.RecordSupportProgress("s1", SupportStatus.Declined, Today, Today);
        var work = new Samverkan.Store.UnitOfWork();
        RelativeStore.MembershipOf(child).StageChangesFrom(before, work);
        Assert.Equal(4, work.Operations.Count);
        Assert.Contains(work.Operations, o => o is Samverkan.Store.RemoveFromIndex { Index: "relatives-2081-open" });
        Assert.Contains(work.Operations, o => o is Samverkan.Store.AddToIndex { Index: "relatives-2081-children-closed" });
    }
}
