namespace Samverkan.DischargeNotices.Application.Persistence;

// Names in the service's keyspace ("{discharge}:..."): collections, channels, index names.
// Collection and channel names carry no ':' (the store's key layout); index names may.
public static class DischargeStore
{
    // The service's keyspace in production; tests may run the service in another one.
    public const string Keyspace = "discharge";
    public const string Cases = "cases";
    public const string OpenPatients = "open-patients";
    public const string RequestScope = "requests";

    // Integration events (IntegrationEventEnvelope) for other services.
    public const string EventsChannel = "events";

    public static string FeedChannel(string organisationCode) => "feed-" + organisationCode;

    public static class Indexes
    {
        public static string OpenByUnit(string unitId) => "open-unit:" + unitId;
        public static string OpenByOrganisation(string code) => "open-org:" + code;
        public static string InboxByUnit(string unitId) => "inbox-unit:" + unitId;
        public static string InboxByOrganisation(string code) => "inbox-org:" + code;
        public static string UnacknowledgedByUnit(string unitId) => "unacked-unit:" + unitId;
        public static string UnacknowledgedByOrganisation(string code) => "unacked-org:" + code;
        public static string PatientCases(string personRef) => "patient:" + personRef;
        public static string DeadlineWatch(string code) => "deadline-watch:" + code;
        public static string Deviations(string code) => "deviations:" + code;
        public static string Payment(string municipality) => "payment:" + municipality;
        public static string Residents(string municipality) => "residents:" + municipality;
        public const string RunningDeadlines = "deadlines-running";
    }
}
