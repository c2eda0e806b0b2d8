using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Samverkan.ServiceCore.Background;
using Samverkan.SharedKernel.Directory;
using Samverkan.Store;

namespace Samverkan.SipPlans.Application.Telemetry;

// SIP plans by state, per taking-part organisation: the gauge samverkan.sip.plans ({plan}, labels
// organisation and state). Counted from the store's organisation-and-state indexes on a timer rather
// than kept as an in-process up/down counter, so it is the true number after a restart and with
// several replicas (each reports the same numbers; dashboards take max by organisation and state).
// A plan counts once for every organisation taking part in it. Labels: organisation codes and state
// names only.
public sealed class PlanStateCensus : PeriodicBackgroundService
{
    public const string MeterName = "Samverkan.SipPlans";
    public const string InstrumentName = "samverkan.sip.plans";

    private readonly IDocumentStore _store;
    private readonly UnitDirectory _directory;
    private volatile IReadOnlyList<(string Organisation, string State, long Plans)> _counts = [];

    // "Sip:PlanCensusInterval" (default 30 s): how often the store is counted.
    public const string IntervalKey = "Sip:PlanCensusInterval";

    private readonly TimeSpan _interval;

    public PlanStateCensus(IDocumentStore store, UnitDirectory directory, IMeterFactory meters, TimeProvider time,
        Microsoft.Extensions.Configuration.IConfiguration configuration, ILogger<PlanStateCensus> logger) : base(time, logger)
    {
        _interval = configuration.GetValue(IntervalKey, TimeSpan.FromSeconds(30));
        _store = store;
        _directory = directory;
        meters.Create(MeterName).CreateObservableGauge(InstrumentName, Observe, "{plan}",
            "SIP plans by state, per organisation taking part (counted from the store periodically).");
    }

    protected override TimeSpan Interval => _interval;

    protected override string Name => "SIP plan census";

    public override async Task<long> RunOnceAsync(CancellationToken cancellationToken)
    {
        var counts = new List<(string, string, long)>();
        foreach (var organisation in _directory.Organisations.Select(o => o.Code))
        {
            foreach (var state in Enum.GetNames<PlanState>())
            {
                var plans = await _store.CountIndexAsync(SipStore.Indexes.ByOrganisationAndState(organisation, state), cancellationToken);
                counts.Add((organisation, state, plans));
            }
        }
        _counts = counts;
        return 0;
    }

    private IEnumerable<Measurement<long>> Observe() => _counts.Select(c => new Measurement<long>(c.Plans,
        new KeyValuePair<string, object?>("organisation", c.Organisation),
        new KeyValuePair<string, object?>("state", c.State)));
}
