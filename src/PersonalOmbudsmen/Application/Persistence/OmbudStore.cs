namespace Samverkan.PersonalOmbudsmen.Application.Persistence;

// Names in the service's keyspace ("{ombud}:..."). What lives where, and what survives closing, is
// described in docs/personal-ombudsmen.md ("What the store holds").
public static class OmbudStore
{
    public const string Keyspace = "ombud";

    // Assignment documents: a plain header (id, municipality, unit, status) and the sealed content
    // (encrypted with the assignment's data key); a closed assignment is the header alone.
    public const string Assignments = "assignments";

    // Each open assignment's data key, wrapped with the configured key-encryption key. Deleted at
    // closing (crypto-shredding).
    public const string DataKeys = "data-keys";

    // Anonymous statistics records (random ids, no link to the assignment outside its sealed content).
    public const string Statistics = "statistics";

    public const string Deficiencies = "deficiencies";

    public const string RequestScope = "requests";

    public static class Indexes
    {
        // Open assignments of a PO unit, by the instant they were opened. Removed at closing.
        public static string OpenByUnit(string unitId) => "open-unit:" + unitId;

        // Statistics records of a municipality, by start year.
        public static string StatisticsOf(string municipalityCode) => "statistics:" + municipalityCode;

        // Deficiencies of a municipality, by reporting day (day number).
        public static string DeficienciesOf(string municipalityCode) => "deficiencies:" + municipalityCode;
    }
}
