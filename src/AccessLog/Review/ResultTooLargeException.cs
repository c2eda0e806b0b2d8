namespace Samverkan.AccessLog.Review;

public sealed class ResultTooLargeException(int limit)
    : Exception($"More than {limit} entries match; narrow the time range.")
{
    public int Limit { get; } = limit;
}
