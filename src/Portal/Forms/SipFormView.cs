namespace Samverkan.Portal.Forms;

// One SIP form's errors as the user sees them: a field's error shows once it was left (or the
// form was submitted), then follows every keystroke (FormState). The SIP field components read
// aria-invalid / aria-describedby from here so every form says the same thing the same way.
public sealed class SipFormView(Func<Dictionary<string, string>> validate)
{
    private readonly FormState _state = new();

    public Dictionary<string, string> Errors { get; private set; } = validate();

    // The errors listed in the summary after a refused submit (empty until then).
    public Dictionary<string, string> Summary { get; private set; } = [];

    public void Revalidate() => Errors = validate();

    public void Touch(string field)
    {
        _state.Touch(field);
        Revalidate();
    }

    // After a restored draft: show what is still wrong at once.
    public void TouchAll()
    {
        Revalidate();
        foreach (var field in Errors.Keys) _state.Touch(field);
    }

    // A submit: every error becomes visible; true when there is none.
    public bool Submit()
    {
        _state.Submitted();
        Revalidate();
        Summary = Errors;
        return Errors.Count == 0;
    }

    public void Sent() => Summary = [];

    public string? Shown(string field) => _state.Visible(Errors, field);

    public string Invalid(string field) => Shown(field) is null ? "false" : "true";

    public string? Described(string field, string? hint = null)
    {
        var ids = new[] { hint, Shown(field) is null ? null : $"{field}-fel" }.Where(id => id is not null);
        return ids.Any() ? string.Join(' ', ids) : null;
    }
}
