using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Rules;
using Samverkan.DischargeNotices.Tests.Integration.Support;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.TestSupport.Store;
using static Samverkan.DischargeNotices.Tests.Support.Callers;

namespace Samverkan.DischargeNotices.Tests.Integration.Application;

public sealed class SubscriptionTests(StoreServerFixture store) : IClassFixture<StoreServerFixture>
{
    private static readonly DateTimeOffset Now = Sweden.At(2024, 3, 4, 10, 0);

    [StoreFact]
    public async Task Staff_receive_only_their_own_units_copies_and_systems_their_whole_organisations()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-1)), default);
        await app.Commands.NotifyReadyForDischargeAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, Now.AddMinutes(-1), default);

        var social = await SubscriptionProbe.ReceiveAsync(app, FalunSocialWorker, 0, notices: 2);
        var system = await SubscriptionProbe.ReceiveAsync(app, FalunSystem, 0, notices: 4);

        Assert.All(social, d => Assert.Equal("2080-soc", d.Item!.UnitId));
        Assert.Equal([NoticeKind.Admission, NoticeKind.ReadyForDischarge], social.Select(d => d.Item!.Notice.Kind));
        Assert.Equal(["2080-hsl", "2080-hsl", "2080-soc", "2080-soc"], system.Select(d => d.Item!.UnitId).Order());
        Assert.Equal([1L, 2L, 3L, 4L], system.Select(d => d.Position));
    }

    [StoreFact]
    public async Task A_subscriber_that_reconnects_from_its_last_position_gets_exactly_what_it_missed()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-1)), default);
        var first = await SubscriptionProbe.ReceiveAsync(app, FalunSystem, 0, notices: 2);
        var last = first[^1].Position;

        await app.Commands.NotifyReadyForDischargeAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, Now.AddMinutes(-1), default);
        await app.Commands.TransferInformationAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, null, "Epikris", default);
        var resumed = await SubscriptionProbe.ReceiveAsync(app, FalunSystem, last, notices: 4, whileConnected: () =>
            app.Commands.RegisterDischargeAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, Now, default));

        Assert.Equal([3L, 4L, 5L, 6L], resumed.Take(4).Select(d => d.Position));
        Assert.Empty(resumed.Select(d => d.Position).Intersect(first.Select(d => d.Position)));
    }

    [StoreFact]
    public async Task A_position_the_feed_never_had_is_refused()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-1)), default);

        var refused = await Assert.ThrowsAsync<RuleViolation>(() =>
            app.Subscription.RunAsync(FalunSystem, null, 99, _ => Task.CompletedTask, default));

        Assert.Equal(("after_position", ViolationKind.InvalidArgument), (refused.Field, refused.Kind));
    }
}
