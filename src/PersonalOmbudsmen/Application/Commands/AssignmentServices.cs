using Samverkan.PersonalOmbudsmen.Application.Access;
using Samverkan.PersonalOmbudsmen.Application.Auditing;
using Samverkan.PersonalOmbudsmen.Application.Persistence;
using Samverkan.SharedKernel.Directory;

namespace Samverkan.PersonalOmbudsmen.Application.Commands;

// What the assignment commands need, in one place so each command stays a few lines.
public sealed record AssignmentServices(
    AssignmentRepository Repository,
    OmbudAccess Access,
    AssignmentAuditor Auditor,
    UnitDirectory Directory,
    TimeProvider Time);
