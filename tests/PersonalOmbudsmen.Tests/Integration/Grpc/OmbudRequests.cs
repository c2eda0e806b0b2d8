using Google.Protobuf.WellKnownTypes;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Ombud.V1;
using Samverkan.PersonalOmbudsmen.Tests.Support;
using Samverkan.SharedKernel.Identity;

namespace Samverkan.PersonalOmbudsmen.Tests.Integration.Grpc;

// Requests as an integrator builds them.
public static class TestRequests
{
    public static OpenAssignmentRequest Open(string personnummer, string municipality = "2080", string given = "Agnes", string family = "Brännström",
        string goal = "Få en egen lägenhet innan vintern") => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Municipality = new OrganisationRef { Code = municipality },
        Client = new Contracts.Ombud.V1.Client
        {
            PersonalIdentityNumber = new Contracts.Common.V1.PersonalIdentityNumber { Value = personnummer },
            GivenName = given,
            FamilyName = family,
            Phone = "073-555 12 34",
        },
        Mandate = new Mandate { GivenAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-3)), Form = MandateForm.Written },
        Areas = { Area.Housing, Area.Economy },
        Goals = { goal },
    };

    public static string Adult(int age = 35, LegalSex sex = LegalSex.Female) =>
        TestClients.Number(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-age).AddDays(-40), sex).Value;

    public static AddWorkingNoteRequest Note(string assignmentId, long version, string text) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        AssignmentId = assignmentId,
        ExpectedVersion = version,
        Text = text,
    };

    public static CloseAssignmentRequest Close(string assignmentId, long version, Outcome outcome = Outcome.GoalsMet) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        AssignmentId = assignmentId,
        ExpectedVersion = version,
        Outcome = outcome,
        ClosedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
    };
}
