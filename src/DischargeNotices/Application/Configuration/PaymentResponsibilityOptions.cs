namespace Samverkan.DischargeNotices.Application.Configuration;

// Section "PaymentResponsibility": the agreement(s) and the amount per care day by year.
//   "PaymentResponsibility": {
//     "DefaultAgreement": { "Id": "...", "Model": "MonthlyAverage", "SomaticThresholdDays": 3, ... },
//     "MunicipalityAgreements": { "2080": { ... } },        // optional per-municipality agreements
//     "DailyAmountsSek": { "2019": 7800, "2020": 8200, "2022": 9300, "2023": 10500 }
//   }
// Read through IOptionsMonitor: a changed agreement applies to the next computation.
public sealed class PaymentResponsibilityOptions
{
    public const string SectionName = "PaymentResponsibility";

    public PaymentAgreement DefaultAgreement { get; set; } = new();

    public Dictionary<string, PaymentAgreement> MunicipalityAgreements { get; set; } = [];

    public Dictionary<string, long> DailyAmountsSek { get; set; } = [];

    public PaymentAgreement AgreementFor(string municipalityCode) =>
        MunicipalityAgreements.TryGetValue(municipalityCode, out var agreement) ? agreement : DefaultAgreement;

    public DailyAmountTable DailyAmounts() => new(DailyAmountsSek
        .Where(kv => int.TryParse(kv.Key, out _))
        .ToDictionary(kv => int.Parse(kv.Key), kv => kv.Value));
}
