namespace Samverkan.Portal.Forms;

// Rules several forms share, with messages that say what to do.
public static class FieldRules
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static void Text(Dictionary<string, string> errors, string field, string value, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = missing;
        else if (value.Length > max) errors[field] = $"Högst {max} tecken; nu {value.Length}. Korta texten.";
    }

    // A day that has happened: set, not after today, not before 2000.
    public static void PastDate(Dictionary<string, string> errors, string field, DateOnly? value, DateOnly today, string missing)
    {
        if (value is not { } day) errors[field] = missing;
        else if (day > today) errors[field] = "Dagen kan inte ligga i framtiden.";
        else if (day < Earliest) errors[field] = "Dagen ligger före år 2000. Kontrollera årtalet.";
    }
}
