using Proto = Samverkan.Contracts.Discharge.V1;

namespace Samverkan.DischargeNotices.Grpc.Mapping;

// The details of the events added for how stays end, needs change and recipients plan.
public static class EndOfStayMapper
{
    public static void Fill(Proto.CaseEvent message, CaseEvent @event)
    {
        switch (@event)
        {
            case StayEnded ended:
                message.StayEnded = new() { EndKind = ProtoEnums.ToProto(ended.EndKind) };
                break;
            case InpatientUnitChanged moved:
                message.InpatientUnitChanged = new() { PreviousUnit = CaseMapper.Unit(moved.PreviousUnitId), NewUnit = CaseMapper.Unit(moved.NewUnitId) };
                break;
            case NeedsChanged changed:
                var detail = new Proto.NeedsChanged();
                detail.Needs.AddRange(changed.Needs.Select(ProtoEnums.ToProto));
                detail.Recipients.AddRange(changed.Recipients.Select(CaseMapper.ToProto));
                detail.AddedUnits.AddRange(changed.AddedUnitIds.Select(CaseMapper.Unit));
                detail.RemovedUnits.AddRange(changed.RemovedUnitIds.Select(CaseMapper.Unit));
                message.NeedsChanged = detail;
                break;
            case PlanningStepRecorded step:
                message.PlanningStepRecorded = new() { Unit = CaseMapper.Unit(step.UnitId), Step = ProtoEnums.ToProto(step.Step) };
                break;
        }
    }
}
