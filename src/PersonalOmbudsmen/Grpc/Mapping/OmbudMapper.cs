using Google.Protobuf.WellKnownTypes;
using Samverkan.Contracts.Common.V1;
using Samverkan.PersonalOmbudsmen.Application.Commands;
using Samverkan.PersonalOmbudsmen.Application.Deficiencies;
using Samverkan.PersonalOmbudsmen.Application.Queries;
using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Deficiencies;
using Samverkan.PersonalOmbudsmen.Domain.Statistics;
using PublishedCount = Samverkan.SharedKernel.Statistics.PublishedCount;
using Samverkan.ServiceCore.Grpc;
using Proto = Samverkan.Contracts.Ombud.V1;

namespace Samverkan.PersonalOmbudsmen.Grpc.Mapping;

// Domain → contract.
public static class OmbudMapper
{
    public static Proto.AssignmentChanged ToProto(AssignmentChange change) => new()
    {
        AssignmentId = change.AssignmentId,
        Version = change.Version,
        Status = OmbudEnums.ToProto<AssignmentStatus, Proto.AssignmentStatus>(change.Status),
        EntryId = change.EntryId,
        Replayed = change.Replayed,
    };

    public static Proto.Assignment ToProto(AssignmentView view)
    {
        var a = view.Assignment;
        var client = a.Client!;
        var result = new Proto.Assignment
        {
            AssignmentId = a.Id,
            Version = view.Version,
            Status = OmbudEnums.ToProto<AssignmentStatus, Proto.AssignmentStatus>(a.Status),
            Municipality = new OrganisationRef { Code = a.MunicipalityCode },
            Unit = new UnitRef { Id = a.UnitId },
            Client = new Proto.Client
            {
                PersonalIdentityNumber = new PersonalIdentityNumber { Value = client.PersonalIdentityNumber.Value },
                GivenName = client.GivenName,
                FamilyName = client.FamilyName,
                Phone = client.Phone,
                ProtectedIdentity = client.ProtectedIdentity,
            },
            Mandate = new Proto.Mandate
            {
                GivenAt = ProtoTime.ToProto(a.Mandate!.GivenAt),
                Form = OmbudEnums.ToProto<MandateForm, Proto.MandateForm>(a.Mandate.Form),
            },
            OpenedAt = ProtoTime.ToProto(a.OpenedAt),
        };
        result.Areas.AddRange(a.Areas.Select(OmbudEnums.ToProto<Area, Proto.Area>));
        result.Goals.AddRange(a.Goals.Select(g => new Proto.Goal { Header = Header(g), Text = g.Text }));
        result.Notes.AddRange(a.Notes.Select(n => new Proto.WorkingNote { Header = Header(n), Text = n.Text }));
        result.Contacts.AddRange(a.Contacts.Select(c => new Proto.Contact
        {
            Header = Header(c),
            AuthorityKind = OmbudEnums.ToProto<AuthorityKind, Proto.AuthorityKind>(c.AuthorityKind),
            AuthorityName = c.AuthorityName,
            About = c.About,
            ContactedAt = ProtoTime.ToProto(c.ContactedAt),
        }));
        return result;
    }

    public static Proto.AssignmentSummary ToSummary(AssignmentView view)
    {
        var a = view.Assignment;
        var summary = new Proto.AssignmentSummary
        {
            AssignmentId = a.Id,
            Version = view.Version,
            ClientGivenName = a.Client!.GivenName,
            ClientFamilyName = a.Client.FamilyName,
            OpenedAt = ProtoTime.ToProto(a.OpenedAt),
            PendingAgreement = a.PendingAgreement,
        };
        summary.Areas.AddRange(a.Areas.Select(OmbudEnums.ToProto<Area, Proto.Area>));
        return summary;
    }

    public static Proto.DeficiencyChanged ToProto(DeficiencyChange change) => new()
    {
        DeficiencyId = change.DeficiencyId,
        Version = change.Version,
        Status = OmbudEnums.ToProto<DeficiencyStatus, Proto.DeficiencyStatus>(change.Status),
        Replayed = change.Replayed,
    };

    public static Proto.SystemDeficiency ToProto(LoadedDeficiency loaded)
    {
        var d = loaded.Deficiency;
        return new Proto.SystemDeficiency
        {
            DeficiencyId = d.Id,
            Version = loaded.Version,
            Status = OmbudEnums.ToProto<DeficiencyStatus, Proto.DeficiencyStatus>(d.Status),
            Municipality = new OrganisationRef { Code = d.MunicipalityCode },
            ReportedByUnit = new UnitRef { Id = d.ReportedByUnitId },
            ReportedOn = ProtoTime.ToProto(d.ReportedOn),
            AuthorityKind = OmbudEnums.ToProto<AuthorityKind, Proto.AuthorityKind>(d.AuthorityKind),
            AuthorityName = d.AuthorityName,
            Kind = OmbudEnums.ToProto<DeficiencyKind, Proto.DeficiencyKind>(d.Kind),
            Description = d.Description,
            ReviewedOn = d.ReviewedOn is { } reviewed ? ProtoTime.ToProto(reviewed) : null,
            ReviewComment = d.ReviewComment,
            ForwardedOn = d.ForwardedOn is { } forwarded ? ProtoTime.ToProto(forwarded) : null,
        };
    }

    public static Proto.AnnualFollowUp ToProto(AnnualFollowUpReport report)
    {
        var result = new Proto.AnnualFollowUp
        {
            Year = report.Year,
            Municipality = report.MunicipalityCode is { } code ? new OrganisationRef { Code = code } : null,
            SuppressionThreshold = report.SuppressionThreshold,
            Clients = Count(report.Clients),
            NewAssignments = Count(report.NewAssignments),
            ClosedAssignments = Count(report.ClosedAssignments),
            Preliminary = report.Preliminary,
        };
        result.ClientsBySexAndAge.AddRange(report.ClientsBySexAndAge.Select(c => new Proto.SexAgeCount
        {
            Sex = OmbudEnums.ToProto(c.Sex),
            AgeBand = OmbudEnums.ToProto<AgeBand, Proto.AgeBand>(c.AgeBand),
            Clients = Count(c.Clients),
        }));
        result.ClosedByLength.AddRange(report.ClosedByLength.Select(l => new Proto.LengthCount
        {
            Band = OmbudEnums.ToProto<LengthBand, Proto.LengthBand>(l.Band),
            Assignments = Count(l.Assignments),
        }));
        result.ClosedByOutcome.AddRange(report.ClosedByOutcome.Select(o => new Proto.OutcomeCount
        {
            Outcome = OmbudEnums.ToProto<Outcome, Proto.Outcome>(o.Outcome),
            Assignments = Count(o.Assignments),
        }));
        result.Areas.AddRange(report.Areas.Select(a => new Proto.AreaCount
        {
            Area = OmbudEnums.ToProto<Area, Proto.Area>(a.Area),
            Assignments = Count(a.Assignments),
        }));
        result.DeficienciesByKind.AddRange(report.DeficienciesByKind.Select(d => new Proto.DeficiencyKindCount
        {
            Kind = OmbudEnums.ToProto<DeficiencyKind, Proto.DeficiencyKind>(d.Kind),
            Reported = d.Reported,
            Forwarded = d.Forwarded,
        }));
        return result;
    }

    private static Proto.EntryHeader Header(Entry entry) => new()
    {
        EntryId = entry.Id,
        WrittenAt = ProtoTime.ToProto(entry.WrittenAt),
        Agreement = OmbudEnums.ToProto<AgreementState, Proto.AgreementState>(entry.Agreement),
        AgreementRecordedAt = entry.AgreementRecordedAt is { } at ? ProtoTime.ToProto(at) : null,
    };

    private static Proto.Count Count(PublishedCount count) => new() { Value = count.Value, Suppressed = count.Suppressed };
}
