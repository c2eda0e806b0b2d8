using System.Text;
using Samverkan.SharedKernel.Directory;

namespace Samverkan.SharedKernel.Tests.Directory;

public sealed class UnitDirectoryTests
{
    private static readonly UnitDirectory Shipped = UnitDirectoryJson.Load(FindShippedDirectory());

    [Fact]
    public void The_shipped_directory_has_the_fifteen_municipalities_and_the_region()
    {
        Assert.Equal(15, Shipped.Organisations.Count(o => o.Kind == PrincipalKind.Municipality));
        var region = Assert.Single(Shipped.Organisations, o => o.Kind == PrincipalKind.Region);
        Assert.Equal("20", region.Code);
        Assert.Equal("falun", Shipped.FindMunicipality("2080")!.Alias);
    }

    [Fact]
    public void Every_municipality_has_social_services_and_municipal_health_care_and_a_serving_health_centre()
    {
        foreach (var municipality in Shipped.Organisations.Where(o => o.Kind == PrincipalKind.Municipality))
        {
            Assert.Single(Shipped.UnitsOf(municipality.Code, UnitKind.SocialServices));
            Assert.Single(Shipped.UnitsOf(municipality.Code, UnitKind.MunicipalHealthCare));
            var centre = Assert.Single(Shipped.UnitsServing(municipality.Code, UnitKind.Outpatient));
            Assert.Equal("20", centre.OrganisationCode);
        }
    }

    [Fact]
    public void Finds_units_with_their_organisation_and_kind()
    {
        var unit = Shipped.FindUnit("20-slv-falun-med");

        Assert.NotNull(unit);
        Assert.Equal(UnitKind.Inpatient, unit.Kind);
        Assert.Equal("20", unit.OrganisationCode);
        Assert.Null(Shipped.FindUnit("20-no-such-unit"));
        Assert.Null(Shipped.FindMunicipality("20"));    // the region is not a municipality
        Assert.Null(Shipped.FindMunicipality("9999"));
    }

    [Fact]
    public void An_unknown_unit_kind_is_an_error_not_a_skip()
    {
        const string json = """
            { "organisations": [ { "code": "2080", "alias": "falun", "name": "Falun", "kind": "municipality",
              "units": [ { "id": "2080-x", "name": "X", "kind": "school" } ] } ] }
            """;

        var error = Assert.Throws<InvalidDataException>(() => UnitDirectoryJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Contains("2080-x", error.Message);
    }

    [Fact]
    public void Duplicate_unit_ids_are_rejected()
    {
        var unit = new DirectoryUnit("2080-soc", "A", UnitKind.SocialServices, "2080", null);
        var organisation = new DirectoryOrganisation("2080", "falun", "Falun", PrincipalKind.Municipality, [unit, unit]);

        Assert.Throws<ArgumentException>(() => new UnitDirectory([organisation]));
    }

    // The test runs from the build output; the directory file is in the repository.
    private static string FindShippedDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "deploy", "directory", "units.json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("deploy/directory/units.json not found above " + AppContext.BaseDirectory);
    }
}
