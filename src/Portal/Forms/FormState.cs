namespace Samverkan.Portal.Forms;

// Which fields the user has visited, so a field's error shows once they have left it (or typed a
// complete value), then follows every keystroke. Submitting shows every error.
public sealed class FormState
{
    private readonly HashSet<string> _touched = [];
    private bool _submitted;

    public void Touch(string field) => _touched.Add(field);

    public void Submitted() => _submitted = true;

    public bool Shows(string field) => _submitted || _touched.Contains(field);

    public string? Visible(IReadOnlyDictionary<string, string> errors, string field) =>
        Shows(field) && errors.TryGetValue(field, out var message) ? message : null;
}
