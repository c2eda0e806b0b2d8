namespace Samverkan.SipPlans.Application;

// Names in the service's keyspace ("{sip}:..."): collections, channels, index names.
// Index names carry organisation codes and pseudonymous person references, never a personnummer.
public static class SipStore
{
    public const string Keyspace = "sip";
    public const string Plans = "plans";
    // Discharge case id -> the plan opened for it (one plan per discharge case).
    public const string DischargeLinks = "discharge-links";
    // Anonymous survey answers (no plan, no person) and which plan occasions were answered.
    public const string SurveyResponses = "survey-responses";
    public const string SurveyAnswered = "survey-answered";

    // Integration events (IntegrationEventEnvelope) for other services.
    public const string EventsChannel = "events";

    // The discharge service's event channel and this service's consumer of it.
    public const string DischargeKeyspace = "discharge";
    public const string DischargeEventsConsumer = "sip-plans";

    public static class Indexes
    {
        // Plans an organisation takes part in, by creation time.
        public static string ByOrganisation(string code) => "org:" + code;
        public static string ByOrganisationAndState(string code, string state) => $"org-state:{code}:{state}";
        // A person's plans (PersonReferences: keyed HMAC of the personnummer).
        public static string ByPerson(string personRef) => "person:" + personRef;
        // Plans with a pending step the organisation answers for, by its earliest due time.
        public static string Due(string code) => "due:" + code;
        // Survey answers of an organisation, by month (yyyyMM).
        public static string Survey(string code) => "survey:" + code;
    }
}
