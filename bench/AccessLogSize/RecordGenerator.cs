using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Samverkan.AccessLog.Directory;
using Samverkan.Contracts.Audit.V1;

namespace Samverkan.Bench.AccessLogSize;

// Access records shaped like production ones: 16 organisations and their units, 3 000 users,
// 100 000 persons, realistic ids (UUIDs, trace ids), 5 % protected persons, a third with the
// resource's owner set.
public sealed class RecordGenerator(UnitDirectory directory, int seed)
{
    private readonly Random _random = new(seed);
    private readonly DirectoryUnit[] _units = directory.Organisations.SelectMany(o => o.Units).ToArray();
    private readonly string[] _users = Enumerable.Range(0, 3000).Select(i => Guid.NewGuid().ToString()).ToArray();
    private readonly string[] _persons = Enumerable.Range(0, 100_000).Select(i => "p_" + Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(new byte[2]).ToArray()).Replace('+', '-').Replace('/', '_')).ToArray();
    private static readonly string[] Purposes = ["discharge-planning", "sip-coordination", "relative-support", "notice-delivery"];
    private static readonly AccessAction[] Actions = [AccessAction.Read, AccessAction.Read, AccessAction.Read, AccessAction.Change, AccessAction.Create, AccessAction.Disclose];

    public byte[] Next(DateTimeOffset at)
    {
        var userIndex = _random.Next(_users.Length);
        var unit = _units[userIndex % _units.Length];
        var record = new AccessRecord
        {
            RecordId = Guid.NewGuid().ToString(),
            OccurredAt = Timestamp.FromDateTimeOffset(at),
            Action = Actions[_random.Next(Actions.Length)],
            Service = "discharge-notices",
            UserSubject = _users[userIndex],
            Username = $"user{userIndex}.{unit.OrganisationCode}",
            ClientId = "samverkan-portal",
            UnitId = unit.Id,
            OrganisationCode = unit.OrganisationCode,
            PersonRef = _persons[_random.Next(_persons.Length)],
            ProtectedIdentity = _random.NextDouble() < 0.05,
            Purpose = Purposes[_random.Next(Purposes.Length)],
            Resource = "discharge-case/" + Guid.NewGuid(),
            TraceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
        };
        record.Roles.Add(unit.Kind == "inpatient" ? "discharge-sender" : "discharge-receiver");
        if (_random.NextDouble() < 0.33)
        {
            var owner = _random.NextDouble() < 0.8 ? unit : _units[_random.Next(_units.Length)];
            record.ResourceOrganisationCode = owner.OrganisationCode;
            record.ResourceUnitId = owner.Id;
        }
        return record.ToByteArray();
    }
}
