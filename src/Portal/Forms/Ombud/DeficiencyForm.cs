using Samverkan.Contracts.Ombud.V1;
using Samverkan.Portal.Display;
using Screen = Samverkan.PersonalOmbudsmen.Domain.Deficiencies.PersonalDataScreen;

namespace Samverkan.Portal.Forms.Ombud;

// A system deficiency (systembrist) as a PO reports it: about authorities, never about a person.
// Text that looks like a personnummer, e-mail address or phone number is refused as it is typed,
// with the service's own screen (PersonalDataScreen), which refuses it again.
public sealed class DeficiencyForm
{
    public const int MaxAuthority = 200, MinDescription = 10, MaxDescription = 2_000;

    public AuthorityKind AuthorityKind { get; set; } = AuthorityKind.Unspecified;
    public string AuthorityName { get; set; } = "";
    public DeficiencyKind Kind { get; set; } = DeficiencyKind.Unspecified;
    public string Description { get; set; } = "";
    public DateOnly? ObservedOn { get; set; }

    public string RequestId { get; set; } = Guid.NewGuid().ToString();

    public Dictionary<string, string> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (AuthorityKind == AuthorityKind.Unspecified) errors["brist-myndighet"] = "Välj vilken sorts myndighet bristen gäller.";
        FieldRules.Text(errors, "brist-namn", AuthorityName, MaxAuthority, "Skriv myndighetens namn, till exempel Försäkringskassan.");
        if (Kind == DeficiencyKind.Unspecified) errors["brist-slag"] = "Välj vilken sorts brist det är.";
        var description = Description.Trim();
        if (description.Length < MinDescription) errors["brist-beskrivning"] = $"Beskriv bristen med minst {MinDescription} tecken.";
        else if (description.Length > MaxDescription) errors["brist-beskrivning"] = $"Högst {MaxDescription} tecken; nu {description.Length}.";
        else if (LooksPersonal(description) || LooksPersonal(AuthorityName)) errors["brist-beskrivning"] = "Texten verkar innehålla ett personnummer, en e-postadress eller ett telefonnummer. Ta bort det: en systembrist beskriver myndigheter, inte personer.";
        FieldRules.PastDate(errors, "brist-datum", ObservedOn, today, "Fyll i vilken dag bristen iakttogs.");
        return errors;
    }

    private static bool LooksPersonal(string text) => Screen.Find(text) is not null;

    public ReportSystemDeficiencyRequest ToRequest() => new()
    {
        RequestId = RequestId,
        AuthorityKind = AuthorityKind,
        AuthorityName = AuthorityName.Trim(),
        Kind = Kind,
        Description = Description.Trim(),
        ObservedOn = SwedishTime.ToDate(ObservedOn!.Value),
    };
}
