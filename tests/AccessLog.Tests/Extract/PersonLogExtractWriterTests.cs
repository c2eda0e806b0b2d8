using Samverkan.SharedKernel.Directory;
using Samverkan.AccessLog.Extract;
using Samverkan.AccessLog.Tests.Fakes;
using Samverkan.Contracts.Audit.V1;

namespace Samverkan.AccessLog.Tests.Extract;

public sealed class PersonLogExtractWriterTests
{
    private static readonly UnitDirectory Directory = UnitDirectoryJson.Load(Path.Combine(AppContext.BaseDirectory, "directory", "units.json"));
    private static readonly PersonLogExtractWriter Writer = new(Directory, PersonLogExtractWriter.SwedishTime);

    [Fact]
    public void Accesses_read_as_Swedish_sentences_in_Swedish_local_time()
    {
        // 13:03 UTC on 20 November is 14:03 in Sweden (CET).
        var records = new[]
        {
            TestRecords.Access(unit: "2080-soc", at: new DateTimeOffset(2026, 11, 20, 13, 3, 12, TimeSpan.Zero)),
            TestRecords.Access(unit: "2080-hsl", action: AccessAction.Change, at: new DateTimeOffset(2026, 7, 1, 8, 30, 0, TimeSpan.Zero)),
        };

        var extract = Writer.Write(records, ["2080"], null, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), TestRecords.Noon);

        Assert.Equal(
            ["Falu kommun, Kommunal hälso- och sjukvård, Falun, ändrade uppgifter 2026-07-01 10:30",
             "Falu kommun, Socialtjänsten, Falun, läste uppgifter 2026-11-20 14:03"],
            extract.Lines.Select(l => l.Text));
        Assert.Contains("Falu kommun, Socialtjänsten, Falun, läste uppgifter 2026-11-20 14:03", extract.Text);
        Assert.Contains("Utdrag ur åtkomstloggen", extract.Text);
        Assert.Equal("2080", Assert.Single(extract.Organisations).Code);
    }

    [Fact]
    public void Repeated_reads_within_a_minute_are_one_line_and_no_user_is_named()
    {
        var at = new DateTimeOffset(2026, 11, 20, 13, 3, 0, TimeSpan.Zero);
        var records = Enumerable.Range(0, 5).Select(i => TestRecords.Access(subject: "user-" + i, at: at.AddSeconds(i * 10))).ToList();

        var extract = Writer.Write(records, ["2080"], at.AddDays(-1), at.AddDays(1), TestRecords.Noon);

        Assert.Single(extract.Lines);
        Assert.DoesNotContain("user-", extract.Text);
        Assert.Contains("under perioden 2026-11-19–2026-11-21", extract.Text);
    }

    [Fact]
    public void An_integrated_system_without_a_unit_and_an_empty_extract_are_worded_plainly()
    {
        var system = Writer.Write([TestRecords.Access(unit: "", organisation: "20", action: AccessAction.Disclose)], ["20"], null, TestRecords.Noon, TestRecords.Noon);
        Assert.Equal("Region Dalarna, via ett anslutet verksamhetssystem, lämnade ut uppgifter 2026-11-20 13:00", Assert.Single(system.Lines).Text);

        var empty = Writer.Write([], ["2062"], null, TestRecords.Noon, TestRecords.Noon);
        Assert.Contains("Inga åtkomster till dina uppgifter finns registrerade", empty.Text);
        Assert.Contains("Mora kommun", empty.Text);
    }
}
