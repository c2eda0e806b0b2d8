namespace Samverkan.Portal.Forms;

// The bounds every SIP text and date has in the contract (sip_plans.proto), in words staff can act on.
public static class SipRules
{
    public const int ShortText = 1_000;
    public const int LongText = 8_000;
    public const int Name = 200;
    public const int Phone = 40;
    public const int MaxFollowUpDaysAhead = 731;

    public static void Required(Dictionary<string, string> errors, string field, string value, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = missing;
        else Bounded(errors, field, value, max);
    }

    public static void Bounded(Dictionary<string, string> errors, string field, string value, int max)
    {
        if (value.Length > max) errors[field] = $"Högst {max} tecken; nu {value.Length}. Korta texten.";
    }

    // A follow-up date: after today, at most two years ahead.
    public static void FollowUpDate(Dictionary<string, string> errors, string field, DateOnly? date, DateOnly today, bool required)
    {
        if (date is not { } value)
        {
            if (required) errors[field] = "Fyll i datum för uppföljningen.";
        }
        else if (value <= today) errors[field] = "Uppföljningen ska ligga efter i dag.";
        else if (value > today.AddDays(MaxFollowUpDaysAhead)) errors[field] = "Uppföljningen kan ligga högst två år fram. Kontrollera årtalet.";
    }
}
