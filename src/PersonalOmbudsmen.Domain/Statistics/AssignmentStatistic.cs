using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.SharedKernel.Identity;

namespace Samverkan.PersonalOmbudsmen.Domain.Statistics;

// The anonymous record of one assignment: what survives closing. No name, no personnummer, no
// exact date, no text, no link to the assignment (its id is random and only the assignment's
// encrypted content knows it). StartYear is the year of the mandate; ClosedYear, LengthMonths and
// Outcome are set once the assignment is closed.
public sealed record AssignmentStatistic(
    string Id,
    string MunicipalityCode,
    int StartYear,
    LegalSex Sex,
    AgeBand AgeBand,
    IReadOnlyList<Area> Areas,
    int? ClosedYear,
    int? LengthMonths,
    Outcome? Outcome)
{
    public bool IsClosed => ClosedYear is not null;

    // Active at some time in the year: started by its end, not closed before its start.
    public bool ActiveIn(int year) => StartYear <= year && (ClosedYear is not { } closed || closed >= year);

    public LengthBand? LengthBand => LengthMonths is { } months ? LengthBands.Of(months) : null;

    public bool SameAs(AssignmentStatistic other) =>
        this with { Areas = [] } == other with { Areas = [] } && Areas.SequenceEqual(other.Areas);
}

// Age on the day of the mandate.
public enum AgeBand
{
    From18To24 = 1,
    From25To34 = 2,
    From35To44 = 3,
    From45To54 = 4,
    From55To64 = 5,
    From65 = 6,
}

public static class AgeBands
{
    public static AgeBand Of(int age) => age switch
    {
        < 18 => throw new ArgumentOutOfRangeException(nameof(age), "Personal ombudsmen serve adults only."),
        <= 24 => AgeBand.From18To24,
        <= 34 => AgeBand.From25To34,
        <= 44 => AgeBand.From35To44,
        <= 54 => AgeBand.From45To54,
        <= 64 => AgeBand.From55To64,
        _ => AgeBand.From65,
    };
}

public enum LengthBand
{
    Under3Months = 1,
    From3To6Months = 2,
    From6To12Months = 3,
    From12To24Months = 4,
    From24Months = 5,
}

public static class LengthBands
{
    public static LengthBand Of(int months) => months switch
    {
        < 3 => LengthBand.Under3Months,
        < 6 => LengthBand.From3To6Months,
        < 12 => LengthBand.From6To12Months,
        < 24 => LengthBand.From12To24Months,
        _ => LengthBand.From24Months,
    };
}
