namespace Samverkan.Portal.Forms;

// One form's validation as the user types: the rules' current errors, which of them show (a field
// shows its error once left, then on every keystroke; submitting shows all), and the attributes a
// field needs to announce its error (aria-invalid, aria-describedby). The model's own Validate()
// holds the rules; this only decides what is visible.
public sealed class FormFields(Func<Dictionary<string, string>> validate)
{
    private readonly FormState _state = new();

    public Dictionary<string, string> Errors { get; private set; } = [];

    // What the error summary lists: set by a refused submit only.
    public Dictionary<string, string> Summary { get; private set; } = [];

    public void Revalidate() => Errors = validate();

    public void Touch(string field)
    {
        _state.Touch(field);
        Revalidate();
    }

    // A restored draft shows its errors at once: the user had already been through the fields.
    public void TouchAll(IEnumerable<string> fields)
    {
        foreach (var field in fields) _state.Touch(field);
        Revalidate();
    }

    public string? Shown(string field) => _state.Visible(Errors, field);

    public string Invalid(string field) => Shown(field) is null ? "false" : "true";

    public string? Described(string field, string? hint = null)
    {
        var ids = new[] { hint, Shown(field) is null ? null : $"{field}-fel" }.Where(id => id is not null);
        return ids.Any() ? string.Join(' ', ids) : null;
    }

    // True when the form may be sent; otherwise the summary lists every error.
    public bool TrySubmit()
    {
        _state.Submitted();
        Revalidate();
        Summary = Errors;
        return Errors.Count == 0;
    }
}
