namespace Samverkan.AccessLog.Review;

// A time range as index scores: Unix milliseconds, both ends inclusive.
public sealed record ScoreWindow(long Min, long Max)
{
    // [from, to): an unset from is the beginning of the log, an unset to is now.
    public static ScoreWindow From(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now) =>
        new(from?.ToUnixTimeMilliseconds() ?? 0, (to ?? now).ToUnixTimeMilliseconds() - 1);

    public bool IsEmpty => Max < Min;
}
