using Samverkan.SipPlans.Domain.Content;
using Samverkan.SipPlans.Domain.Versions;
using static Samverkan.SipPlans.Tests.Support.PlanScenario;

namespace Samverkan.SipPlans.Tests.Domain;

public sealed class VersionAndSignatureTests
{
    [Fact]
    public void Every_party_signs_including_the_individual()
    {
        var plan = Agreed();
        var version = plan.CurrentVersion!;
        Assert.Equal([Signatory.Organisation(Falun), Signatory.Organisation(Region), Signatory.Individual], version.RequiredSignatories);

        plan.Sign(1, Signatory.Organisation(Falun), Start.AddDays(8), As("2080-soc", 8));
        plan.Sign(1, Signatory.Individual, Start.AddDays(8), As("2080-soc", 8));
        Assert.False(version.SignedByAll);
        Assert.Equal([Signatory.Organisation(Region)], version.MissingSignatories);

        plan.Sign(1, Signatory.Organisation(Region), Start.AddDays(9), As("20-vc-2080", 9));
        Assert.True(version.SignedByAll);
    }

    [Fact]
    public void An_organisation_signs_only_for_itself_and_once()
    {
        var plan = Agreed();
        Assert.Equal(ViolationKind.PermissionDenied, Refused(() => plan.Sign(1, Signatory.Organisation(Region), Start.AddDays(8), As("2080-soc", 8))).Kind);
        plan.Sign(1, Signatory.Organisation(Falun), Start.AddDays(8), As("2080-soc", 8));
        Assert.Equal(ViolationKind.AlreadyExists, Refused(() => plan.Sign(1, Signatory.Organisation(Falun), Start.AddDays(8), As("2080-soc", 8))).Kind);
    }

    [Fact]
    public void An_organisation_that_is_not_a_party_cannot_sign()
    {
        var plan = Agreed();
        Assert.Equal(ViolationKind.PermissionDenied, Refused(() => plan.Sign(1, Signatory.Organisation(Mora), Start.AddDays(8), As("2062-soc", 8))).Kind);
        Assert.Equal(ViolationKind.PermissionDenied, Refused(() => plan.Sign(1, Signatory.Individual, Start.AddDays(8), As("2062-soc", 8))).Kind);
    }

    [Fact]
    public void A_signed_version_never_changes_later_changes_make_a_new_version_and_every_version_stays_readable()
    {
        var plan = Agreed();
        plan.Sign(1, Signatory.Organisation(Falun), Start.AddDays(8), As("2080-soc", 8));
        var first = plan.CurrentVersion!;
        var firstContent = first.Content;

        plan.UpdateContent(CompleteContent with { WhatMatters = "Att få arbeta" }, As("2080-soc", 10));

        Assert.Same(firstContent, plan.VersionNumbered(1)!.Content);
        Assert.Equal("Att få bo kvar nära sin syster", plan.VersionNumbered(1)!.Content.WhatMatters);
        plan.Agree(As("2080-soc", 10));
        Assert.Equal(2, plan.CurrentVersion!.Number);
        Assert.Equal("Att få arbeta", plan.CurrentVersion.Content.WhatMatters);
        Assert.Empty(plan.CurrentVersion.Signatures);
        Assert.Single(plan.VersionNumbered(1)!.Signatures);
        Assert.Equal("Att få bo kvar nära sin syster", plan.VersionNumbered(1)!.Content.WhatMatters);
    }

    [Fact]
    public void A_superseded_version_cannot_be_signed()
    {
        var plan = Agreed();
        plan.UpdateContent(CompleteContent with { WhatMatters = "Att få arbeta" }, As("2080-soc", 10));
        plan.Agree(As("2080-soc", 10));

        var refused = Refused(() => plan.Sign(1, Signatory.Organisation(Falun), Start.AddDays(10), As("2080-soc", 10)));

        Assert.Equal(ViolationKind.FailedPrecondition, refused.Kind);
        Assert.Equal("PLAN_VERSION", refused.Precondition!.Type);
        Assert.Equal(ViolationKind.InvalidArgument, Refused(() => plan.Sign(7, Signatory.Individual, Start.AddDays(10), As("2080-soc", 10))).Kind);
    }

    [Fact]
    public void Agreeing_again_without_a_change_is_refused()
    {
        var plan = Agreed();
        Assert.Equal("PLAN_VERSION", Refused(() => plan.Agree(As("2080-soc", 9))).Precondition!.Type);
        Assert.Single(plan.Versions);
    }
}
