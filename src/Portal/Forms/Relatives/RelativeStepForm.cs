using Samverkan.Contracts.Relatives.V1;

namespace Samverkan.Portal.Forms.Relatives;

// The consultant's steps on one relative (need, support offered, support contact, follow-up),
// kept as a draft per relative so a long text survives an ended session. Each step has its own
// request id, renewed after it was recorded: a double click or a retry records the step once.
public sealed class RelativeStepForm
{
    public const int MaxText = 2_000, MaxContact = 100;

    public string NeedText { get; set; } = "";
    public DateOnly? NeedOn { get; set; }
    public SupportForm SupportForm { get; set; } = SupportForm.Unspecified;
    public DateOnly? OfferedOn { get; set; }
    public string SupportContact { get; set; } = "";
    public string FollowUpNote { get; set; } = "";
    public DateOnly? FollowUpOn { get; set; }

    public string NeedRequestId { get; set; } = Guid.NewGuid().ToString();
    public string OfferRequestId { get; set; } = Guid.NewGuid().ToString();
    public string ContactRequestId { get; set; } = Guid.NewGuid().ToString();
    public string FollowUpRequestId { get; set; } = Guid.NewGuid().ToString();
    public string WithdrawRequestId { get; set; } = Guid.NewGuid().ToString();

    public Dictionary<string, string> NeedErrors(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        FieldRules.Text(errors, "behov-text", NeedText, MaxText, "Beskriv behovet med den anhöriges egna ord.");
        FieldRules.PastDate(errors, "behov-datum", NeedOn, today, "Fyll i vilken dag behovet togs upp.");
        return errors;
    }

    public Dictionary<string, string> OfferErrors(DateOnly today, IReadOnlyCollection<SupportForm> catalogue)
    {
        var errors = new Dictionary<string, string>();
        if (SupportForm == SupportForm.Unspecified || !catalogue.Contains(SupportForm)) errors["stodform"] = "Välj en stödform som kommunen erbjuder.";
        FieldRules.PastDate(errors, "erbjuden-datum", OfferedOn, today, "Fyll i vilken dag stödet erbjöds.");
        return errors;
    }

    public Dictionary<string, string> ContactErrors()
    {
        var errors = new Dictionary<string, string>();
        FieldRules.Text(errors, "stodkontakt", SupportContact, MaxContact, "Skriv stödkontaktens namn.");
        return errors;
    }

    public Dictionary<string, string> FollowUpErrors(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        FieldRules.Text(errors, "uppfoljning-text", FollowUpNote, MaxText, "Skriv vad uppföljningen visade.");
        FieldRules.PastDate(errors, "uppfoljning-datum", FollowUpOn, today, "Fyll i vilken dag uppföljningen gjordes.");
        return errors;
    }
}
