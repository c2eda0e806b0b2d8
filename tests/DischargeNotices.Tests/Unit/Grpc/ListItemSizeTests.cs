using Google.Protobuf;
using Samverkan.DischargeNotices.Application.Queries;
using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Events;
using Samverkan.DischargeNotices.Grpc.Mapping;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.DischargeNotices.Tests.Unit.Support;

namespace Samverkan.DischargeNotices.Tests.Unit.Grpc;

// Issue #16.2: a case stored before the input bounds existed (the acceptance run's 900,000-character
// street and 450,000-character town) still makes a list item of bounded size.
public sealed class ListItemSizeTests
{
    private static DischargeCase StoredWithHugeAddress()
    {
        var admitted = Sweden.At(2024, 3, 4, 8, 0);
        var valid = Scenario.Admit(admitted);
        var admission = (AdmissionNoticeSent)valid.Events[0];
        var huge = admission with
        {
            Patient = admission.Patient with { RegisteredAddress = new PostalAddress(new string('å', 900_000), "791 71", new string('ö', 450_000)) },
        };
        return DischargeCase.Rehydrate("c0ffee00c0ffee00c0ffee00c0ffee00", [huge]);
    }

    [Fact]
    public void A_summary_in_a_list_cuts_text_stored_beyond_its_bound()
    {
        var summary = CaseMapper.ToSummary(StoredWithHugeAddress(), broadList: false);

        Assert.Equal(TextBounds.Street, summary.Patient.RegisteredAddress.Street.Length);
        Assert.Equal(TextBounds.City, summary.Patient.RegisteredAddress.City.Length);
        Assert.True(summary.CalculateSize() < 4_000, $"{summary.CalculateSize()} bytes");
    }

    [Fact]
    public void An_inbox_item_stays_small_while_the_case_itself_is_returned_whole()
    {
        var @case = StoredWithHugeAddress();
        var notice = CaseMapper.ToNotice(new InboxItem(@case, (NoticeEvent)@case.Events[0], "2080-soc"));

        Assert.True(notice.CalculateSize() < 8_000, $"{notice.CalculateSize()} bytes");
        Assert.Equal(900_000, CaseMapper.ToProto(@case, [], DateTimeOffset.UtcNow).Patient.RegisteredAddress.Street.Length);
    }
}
