using System.Text.Json.Serialization;
using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Deficiencies;
using Samverkan.PersonalOmbudsmen.Domain.Statistics;

namespace Samverkan.PersonalOmbudsmen.Application.Persistence;

// The stored header of an assignment. Content is the sealed AssignmentContent; null once closed.
internal sealed record AssignmentDocument(string Id, string MunicipalityCode, string UnitId, AssignmentStatus Status, byte[]? Content);

// Everything personal about an assignment; only ever stored sealed with its data key.
internal sealed record AssignmentContent(
    string StatisticsId,
    ClientContent Client,
    DateTimeOffset MandateGivenAt,
    MandateForm MandateForm,
    DateTimeOffset OpenedAt,
    List<Area> Areas,
    List<Goal> Goals,
    List<WorkingNote> Notes,
    List<Contact> Contacts);

internal sealed record ClientContent(string PersonalIdentityNumber, string GivenName, string FamilyName, string Phone, bool ProtectedIdentity);

[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AssignmentDocument))]
[JsonSerializable(typeof(AssignmentContent))]
[JsonSerializable(typeof(AssignmentStatistic))]
[JsonSerializable(typeof(SystemDeficiency))]
internal sealed partial class OmbudJsonContext : JsonSerializerContext;
