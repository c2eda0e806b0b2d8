using Google.Rpc;
using Grpc.Core;
using Samverkan.Contracts.Ombud.V1;

namespace Samverkan.PersonalOmbudsmen.Tests.Integration.Grpc;

// A PO reports a system deficiency; the municipality's steering group reviews it and marks it
// forwarded to Länsstyrelsen; nobody else may, and personal data in the text is refused.
[Collection(OmbudPlatformCollection.Name)]
public sealed class DeficiencyTests(OmbudPlatform platform)
{
    [Fact]
    public async Task Reported_by_a_po_reviewed_and_forwarded_by_the_steering_group()
    {
        var karl = await platform.AsUserAsync("karl.holm");
        var birgitta = await platform.AsUserAsync("birgitta.ros");
        var reported = await platform.Client.ReportSystemDeficiencyAsync(Report("Försäkringskassans blanketter finns inte på lätt svenska."), karl);
        Assert.Equal(DeficiencyStatus.Reported, reported.Status);

        var listed = await platform.Client.ListSystemDeficienciesAsync(new ListSystemDeficienciesRequest { Status = DeficiencyStatus.Reported }, birgitta);
        Assert.Contains(listed.Deficiencies, d => d.DeficiencyId == reported.DeficiencyId);

        var denied = await Assert.ThrowsAsync<RpcException>(() => platform.Client.ReviewSystemDeficiencyAsync(Review(reported), karl).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        var reviewed = await platform.Client.ReviewSystemDeficiencyAsync(Review(reported), birgitta);
        Assert.Equal(DeficiencyStatus.ToBeForwarded, reviewed.Status);
        var forwarded = await platform.Client.MarkDeficiencyForwardedAsync(new MarkDeficiencyForwardedRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            DeficiencyId = reported.DeficiencyId,
            ExpectedVersion = reviewed.Version,
            ForwardedOn = SwedishToday(),
        }, birgitta);
        Assert.Equal(DeficiencyStatus.Forwarded, forwarded.Status);

        var olof = await platform.AsUserAsync("olof.stark");
        var otherMunicipality = await platform.Client.ListSystemDeficienciesAsync(new ListSystemDeficienciesRequest(), olof);
        Assert.DoesNotContain(otherMunicipality.Deficiencies, d => d.DeficiencyId == reported.DeficiencyId);
    }

    [Fact]
    public async Task A_deficiency_text_with_a_personnummer_is_refused()
    {
        var karl = await platform.AsUserAsync("karl.holm");
        var refused = await Assert.ThrowsAsync<RpcException>(() => platform.Client.ReportSystemDeficiencyAsync(
            Report("Klienten 19121212-1212 fick vänta i åtta månader på beslut."), karl).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("description", Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
        Assert.DoesNotContain("1212", refused.Status.Detail);
    }

    private static ReportSystemDeficiencyRequest Report(string description) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        AuthorityKind = AuthorityKind.Forsakringskassan,
        AuthorityName = "Försäkringskassan",
        Kind = DeficiencyKind.Information,
        Description = description,
    };

    private static ReviewSystemDeficiencyRequest Review(DeficiencyChanged reported) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        DeficiencyId = reported.DeficiencyId,
        ExpectedVersion = reported.Version,
        Decision = ReviewDecision.ForwardToCountyBoard,
        Comment = "Tas upp med Länsstyrelsen.",
    };

    // The service dates the review in Swedish time; between 23:00 and 01:00 UTC the machine's own date differs.
    private static Google.Type.Date SwedishToday()
    {
        var today = Samverkan.SharedKernel.Time.SwedishCalendar.DateOf(DateTimeOffset.UtcNow);
        return new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day };
    }
}
