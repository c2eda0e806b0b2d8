using Samverkan.SharedKernel.Rules;

namespace Samverkan.ServiceCore.Paging;

// page_size as the platform reads it: 0 is the default, more than the maximum is served as the
// maximum, a negative size is INVALID_ARGUMENT.
public static class PageSize
{
    public const int Default = 50;
    public const int Max = 200;

    public static int Resolve(int requested, string field = "page.page_size") => requested switch
    {
        < 0 => throw RuleViolation.Invalid(field, "page_size must not be negative."),
        0 => Default,
        > Max => Max,
        _ => requested,
    };
}
