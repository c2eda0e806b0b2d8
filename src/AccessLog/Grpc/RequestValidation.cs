using Google.Protobuf.WellKnownTypes;
using Samverkan.ServiceCore.Paging;
using Samverkan.SharedKernel.Rules;
using Samverkan.AccessLog.Chain;
using Samverkan.AccessLog.Persons;
using Samverkan.AccessLog.Review;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Contracts.Common.V1;

namespace Samverkan.AccessLog.Grpc;

// Turns request fields into checked values, or a RuleViolation (INVALID_ARGUMENT naming the field,
// via ServiceCore's interceptor) with a message an integrator can act on.
public static class RequestValidation
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxSampleSize = 200;

    public static ScoreWindow Window(TimeRange? range, DateTimeOffset now, bool bothEndsRequired = false)
    {
        var from = Time(range?.From, "time_range.from");
        var to = Time(range?.To, "time_range.to");
        if (bothEndsRequired && (from is null || to is null))
        {
            throw Invalid("time_range", "time_range.from and time_range.to are both required.");
        }
        if (from is not null && to is not null && from >= to)
        {
            throw Invalid("time_range.from", "time_range.from must be before time_range.to.");
        }
        return ScoreWindow.From(from, to, now);
    }

    public static DateTimeOffset? Time(Timestamp? timestamp, string field)
    {
        if (timestamp is null) return null;
        try
        {
            return timestamp.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw Invalid(field, $"{field} is not a valid timestamp.");
        }
    }

    public static (int PageSize, PageToken? Token) Paging(PageRequest? page)
    {
        var size = page?.PageSize ?? 0;
        if (size < 0 || size > MaxPageSize) throw Invalid("page.page_size", $"page.page_size must be between 1 and {MaxPageSize} (0 for {DefaultPageSize}).");
        if (size == 0) size = DefaultPageSize;

        var text = page?.PageToken ?? "";
        if (text.Length == 0) return (size, null);
        return (size, PageToken.Decode(text));
    }

    public static string PersonalIdentityNumber(PersonalIdentityNumber? person, string field)
    {
        var value = person?.Value ?? "";
        if (!PersonalIdentityNumbers.IsValid(value))
        {
            // Never echo the number: it is personal data and error messages end up in client logs.
            throw Invalid(field, $"{field} must be a valid personnummer or samordningsnummer of 12 digits without separator (YYYYMMDDNNNC).");
        }
        return value;
    }

    public static string UserSubject(string subject)
    {
        if (!AccessIndexes.IsKeySafe(subject)) throw Invalid("user_subject", "user_subject must be a token subject (sub), e.g. a UUID.");
        return subject;
    }

    public static long Sequence(long sequence, string field = "sequence")
    {
        if (sequence <= 0) throw Invalid(field, $"{field} must be a chain sequence number (1 or more).");
        return sequence;
    }

    public static string ReviewId(string reviewId)
    {
        if (!Guid.TryParseExact(reviewId, "D", out var id)) throw Invalid("review_id", "review_id must be a UUID (e.g. 0f8e6c1a-...), generated once per review and reused on retry.");
        return id.ToString("D");
    }

    public static AccessFlag Flag(AccessFlag flag)
    {
        if (flag is AccessFlag.Unspecified || !System.Enum.IsDefined(flag))
        {
            throw Invalid("flag", "flag must be ACCESS_FLAG_OUTSIDE_OWN_UNIT, ACCESS_FLAG_OUTSIDE_OWN_ORGANISATION or ACCESS_FLAG_PROTECTED_IDENTITY.");
        }
        return flag;
    }

    public static ReviewOutcome Outcome(ReviewOutcome outcome)
    {
        if (outcome is ReviewOutcome.Unspecified || !System.Enum.IsDefined(outcome))
        {
            throw Invalid("outcome", "outcome must be REVIEW_OUTCOME_JUSTIFIED, REVIEW_OUTCOME_NEEDS_INVESTIGATION or REVIEW_OUTCOME_UNJUSTIFIED.");
        }
        return outcome;
    }

    public static ReviewReason Reason(ReviewReason reason)
    {
        if (reason is ReviewReason.Unspecified || !System.Enum.IsDefined(reason))
        {
            throw Invalid("reason", "reason must be REVIEW_REASON_SYSTEMATIC, REVIEW_REASON_SUSPICION or REVIEW_REASON_PERSON_REQUEST.");
        }
        return reason;
    }

    public static int SampleSize(int size)
    {
        if (size is < 1 or > MaxSampleSize) throw Invalid("sample_size", $"sample_size must be between 1 and {MaxSampleSize}.");
        return size;
    }

    public static IReadOnlyList<ChainPosition> Checkpoints(IEnumerable<ChainCheckpoint> checkpoints)
    {
        var result = new List<ChainPosition>();
        foreach (var checkpoint in checkpoints)
        {
            if (checkpoint.Sequence <= 0 || !ChainHash.TryParseHex(checkpoint.Hash.ToLowerInvariant(), out var hash))
            {
                throw Invalid("checkpoints", "Each checkpoint needs a sequence (1 or more) and a SHA-256 hash as 64 hex digits.");
            }
            result.Add(new ChainPosition(checkpoint.Sequence, hash));
        }
        if (result.Select(c => c.Sequence).Distinct().Count() != result.Count) throw Invalid("checkpoints", "checkpoints name a sequence more than once.");
        return result;
    }

    public static RuleViolation Invalid(string field, string message) => RuleViolation.Invalid(field, message);
}
