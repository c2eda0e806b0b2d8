using Samverkan.ServiceCore.Indexing;

namespace Samverkan.SipPlans.Application.Persistence;

// A plan's index membership before a change (only the difference is written after it).
public sealed record PlanIndexSnapshot(IndexMembership Membership);
