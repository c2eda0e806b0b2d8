using Samverkan.SipPlans.Domain.Events;
using Samverkan.SipPlans.Domain.Plans;
using Samverkan.SipPlans.Domain.Versions;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Samverkan.SipPlans.Tests.Export;

// The R4 base profiles (StructureDefinitions, value sets) come from specification.zip, shipped
// inside the Hl7.Fhir.Specification.Data.R4 package and copied to the test output: no network.
public static class FhirValidation
{
    private static readonly Lazy<Validator> Shared = new(() =>
    {
        var zip = Path.Combine(AppContext.BaseDirectory, "specification.zip");
        if (!File.Exists(zip)) throw new FileNotFoundException("specification.zip (Hl7.Fhir.Specification.Data.R4) is not in the test output.", zip);
        var resolver = new CachedResolver(ZipSource.CreateValidationSource(zip));
        return new Validator(resolver.AsAsync(), new LocalTerminologyService(resolver.AsAsync()));
    });

    public static OperationOutcome Validate(Resource resource) => Shared.Value.Validate(resource);

    public static IReadOnlyList<string> Errors(OperationOutcome outcome) =>
        outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Code}: {i.Details?.Text} @ {string.Join(",", i.Expression)}").ToList();
}
