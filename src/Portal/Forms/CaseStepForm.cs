namespace Samverkan.Portal.Forms;

// The sending ward's steps on one case (readiness, information transfer, discharge), kept as a
// draft per case so a long information summary survives an ended session.
public sealed class CaseStepForm
{
    public const int MaxSummaryLength = 10_000;

    public DateTime? JudgedReadyAt { get; set; }
    public string Summary { get; set; } = "";
    public DateTime? DischargedAt { get; set; }

    // One request id per step and form: a repeated click or a retry records the step once.
    public string ReadinessRequestId { get; set; } = Guid.NewGuid().ToString();
    public string TransferRequestId { get; set; } = Guid.NewGuid().ToString();
    public string DischargeRequestId { get; set; } = Guid.NewGuid().ToString();

    public static string? SummaryError(string summary) =>
        string.IsNullOrWhiteSpace(summary) ? "Skriv den information mottagarna behöver för sina insatser."
        : summary.Length > MaxSummaryLength ? $"Högst {MaxSummaryLength} tecken; nu {summary.Length}. Korta texten."
        : null;
}
