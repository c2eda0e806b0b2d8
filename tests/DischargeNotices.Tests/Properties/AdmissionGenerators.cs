using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf.WellKnownTypes;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Discharge.V1;
using SharedPin = Samverkan.SharedKernel.Identity.PersonalIdentityNumber;
using static Samverkan.DischargeNotices.Tests.Properties.BadInputGen;
using C = Samverkan.DischargeNotices.Tests.Properties.Corruption<Samverkan.DischargeNotices.Tests.Properties.AdmissionCall>;

namespace Samverkan.DischargeNotices.Tests.Properties;

// Valid admission notices with one to three corruptions each.
public static class AdmissionGenerators
{
    public static Arbitrary<AdmissionInput> Inputs() => Arb.From(
        from birth in Gen.Choose(0, 365 * 85).Select(d => new DateOnly(1920, 1, 1).AddDays(d))
        from serial in Gen.Choose(0, 999)
        from municipality in Gen.Elements(Municipalities)
        from needs in Gen.Elements<CareNeed[]>(
            [CareNeed.SocialServices], [CareNeed.MunicipalHealthCare], [CareNeed.OutpatientCare],
            [CareNeed.SocialServices, CareNeed.MunicipalHealthCare], [CareNeed.SocialServices, CareNeed.OutpatientCare])
        from hoursAgo in Gen.Choose(1, 20)
        from bySystem in Gen.Elements(false, false, true)
        from count in Gen.Choose(1, 3)
        from corruptions in Gen.ListOf(Corruption(), count)
        select new AdmissionInput(birth, serial, municipality, needs, hoursAgo, bySystem, corruptions.ToList()),
        input => BadInputGen.WithOneRemoved(input.Corruptions).Select(fewer => input with { Corruptions = fewer }));

    public static Gen<C> Corruption() => Gen.OneOf(
        Personnummer(), Patient(), Municipality(), Units(), Callers(), Consent(), Times(), Needs(), RequestId());

    private static Gen<C> Personnummer() => Gen.OneOf(
        Gen.Constant(new C("personnummer unset", c => c.Patient.PersonalIdentityNumber = null)),
        Gen.Constant(new C("personnummer empty", c => Pin(c).Value = "")),
        Gen.Choose(1, 9).Select(k => new C($"check digit +{k}", c => Pin(c).Value = Pin(c).Value[..11] + (char)('0' + (Pin(c).Value[11] - '0' + k) % 10))),
        Gen.Choose(0, 11).Select(n => new C($"personnummer cut to {n} characters", c => Pin(c).Value = Pin(c).Value[..n])),
        Gen.Choose(1, 30).Select(n => new C($"personnummer with {n} more digits", c => Pin(c).Value += new string('7', n))),
        from position in Gen.Choose(0, 11)
        from letter in Gen.Elements('A', 'x', 'Ö', '-', '+', ' ', '٣')
        select new C($"personnummer with '{letter}' at {position}", c => Pin(c).Value = Pin(c).Value[..position] + letter + Pin(c).Value[(position + 1)..]),
        Gen.Constant(new C("ten-digit personnummer", c => Pin(c).Value = Pin(c).Value[2..])),
        Gen.Constant(new C("ten-digit personnummer with '-'", c => Pin(c).Value = Pin(c).Value[2..8] + "-" + Pin(c).Value[8..])),
        Gen.Constant(new C("ten-digit personnummer with '+' (100 years or older)", c => Pin(c).Value = Pin(c).Value[2..8] + "+" + Pin(c).Value[8..])),
        Gen.Constant(new C("twelve-digit personnummer with '-'", c => Pin(c).Value = Pin(c).Value[..8] + "-" + Pin(c).Value[8..])),
        Gen.Constant(new C("personnummer padded with blanks", c => Pin(c).Value = "  " + Pin(c).Value + " ")),
        Gen.Elements(true, false).Select(luhn => new C($"samordningsnummer (day + 60){(luhn ? "" : " with a wrong check digit")}", c =>
        {
            var value = Pin(c).Value;
            var nine = value[2..6] + (int.Parse(value[6..8], System.Globalization.CultureInfo.InvariantCulture) + 60).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + value[8..11];
            var check = SharedPin.LuhnCheckDigit(nine);
            Pin(c).Value = value[..2] + nine + (luhn ? check : (check + 1) % 10);
        })),
        Gen.Choose(13, 45).Select(month => new C($"personnummer month {month}", c => Pin(c).Value = Pin(c).Value[..6] + month.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + Pin(c).Value[8..])),
        Gen.Constant(new C("personnummer born in the future", c => Pin(c).Value = "2999" + Pin(c).Value[4..])));

    private static Gen<C> Patient() => Gen.OneOf(
        Gen.Constant(new C("patient unset", c => c.Request.Patient = null)),
        OddString().Select(s => new C($"given name '{Short(s)}'", c => c.Patient.GivenName = s)),
        OddString().Select(s => new C($"family name '{Short(s)}'", c => c.Patient.FamilyName = s)),
        OddString().Select(s => new C($"street '{Short(s)}'", c => c.Address.Street = s)),
        OddString().Select(s => new C($"postal code '{Short(s)}'", c => c.Address.PostalCode = s)),
        Gen.Constant(new C("address unset", c => c.Patient.RegisteredAddress = null)),
        Gen.Constant(new C("protected identity", c => c.Patient.ProtectedIdentity = true)));

    private static Gen<C> Municipality() => Gen.OneOf(
        Gen.Constant(new C("residence municipality unset", c => c.Request.ResidenceMunicipality = null)),
        Gen.Elements("", "9999", "20", "2080 ", "20800", "abc", "2080-soc", "0180").Select(code =>
            new C($"residence municipality '{code}'", c => c.Request.ResidenceMunicipality = new OrganisationRef { Code = code })),
        OddString().Select(s => new C($"residence municipality '{Short(s)}'", c => c.Request.ResidenceMunicipality = new OrganisationRef { Code = s })));

    private static Gen<C> Units() => Gen.OneOf(
        Gen.Elements("20-vc-9999", "2080-soc", "20-slv-mora-med", "2081-hsl", "nope", "20-psyk-opv").Select(unit =>
            new C($"outpatient unit '{unit}'", c => c.Request.OutpatientUnit = new UnitRef { Id = unit })),
        Gen.Elements("2080-soc", "20-slv-mora-med", "20-vc-2080", "nope", "2081-hsl", "").Select(unit =>
            new C($"acting unit '{unit}'", c => c.Request.ActingUnit = new UnitRef { Id = unit })),
        OddString().Select(s => new C($"acting unit '{Short(s)}'", c => c.Request.ActingUnit = new UnitRef { Id = s })),
        OddString().Select(s => new C($"outpatient unit '{Short(s)}'", c => c.Request.OutpatientUnit = new UnitRef { Id = s })));

    private static Gen<C> Callers() => Gen.Elements(
        new C("sent by a municipal social worker (anna.lind)", c => (c.Caller, c.CallerIsSystem) = ("anna.lind", false)),
        new C("sent by the health centre (lena.dahl)", c => (c.Caller, c.CallerIsSystem) = ("lena.dahl", false)),
        new C("sent by Falun's system", c => (c.Caller, c.CallerIsSystem) = ("falun", true)),
        new C("sent by the region's system without an acting unit", c => { (c.Caller, c.CallerIsSystem) = (AdmissionInput.RegionSystem, true); c.Request.ActingUnit = null; }),
        new C("sent by the region's system for another organisation's unit", c => { (c.Caller, c.CallerIsSystem) = (AdmissionInput.RegionSystem, true); c.Request.ActingUnit = new UnitRef { Id = "2080-hsl" }; }));

    private static Gen<C> Consent() => Gen.OneOf(
        Gen.Constant(new C("consent unset", c => c.Request.Consent = null)),
        Gen.Constant(new C("consent without scopes", c => c.Consent.Scopes.Clear())),
        Gen.Elements(ConsentScope.Sip, ConsentScope.TransferInformation, ConsentScope.Unspecified).Select(scope =>
            new C($"consent only for {scope}", c => { c.Consent.Scopes.Clear(); c.Consent.Scopes.Add(scope); })),
        UnknownEnumValue().Select(v => new C($"consent scope {v}", c => c.Consent.Scopes.Add((ConsentScope)v))),
        UnknownEnumValue().Select(v => new C($"consent form {v}", c => c.Consent.Form = (ConsentForm)v)),
        UnknownEnumValue().Select(v => new C($"consent giver {v}", c => c.Consent.Giver = (ConsentGiver)v)),
        Gen.Constant(new C("consent form unspecified", c => c.Consent.Form = ConsentForm.Unspecified)),
        Gen.Constant(new C("consent given_at unset", c => c.Consent.GivenAt = null)),
        FutureOffset().Select(d => new C($"consent given {d} from now", c => c.Consent.GivenAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow + d))),
        Gen.Choose(1, 10_000).Select(m => new C($"consent valid until {m} min ago", c => c.Consent.ValidUntil = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-m)))),
        MalformedTimestamp().Select(t => new C($"consent given_at {t.Name}", c => c.Consent.GivenAt = t.Value)),
        MalformedTimestamp().Select(t => new C($"consent valid_until {t.Name}", c => c.Consent.ValidUntil = t.Value)));

    private static Gen<C> Times() => Gen.OneOf(
        Gen.Constant(new C("admitted_at unset", c => c.Request.AdmittedAt = null)),
        FutureOffset().Select(d => new C($"admitted {d} from now", c => c.Request.AdmittedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow + d))),
        FarPastOffset().Select(d => new C($"admitted {d} from now", c => c.Request.AdmittedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow + d))),
        MalformedTimestamp().Select(t => new C($"admitted_at {t.Name}", c => c.Request.AdmittedAt = t.Value)),
        Gen.Choose(1, 10_000).Select(m => new C($"needs assessed {m} min before admission", c =>
            c.Request.NeedsAssessedAt = Timestamp.FromDateTimeOffset((c.Request.AdmittedAt ?? Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow)).ToDateTimeOffset().AddMinutes(-m)))),
        FutureOffset().Select(d => new C($"needs assessed {d} from now", c => c.Request.NeedsAssessedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow + d))),
        MalformedTimestamp().Select(t => new C($"needs_assessed_at {t.Name}", c => c.Request.NeedsAssessedAt = t.Value)),
        Gen.Constant(new C("estimated discharge date unset", c => c.Request.EstimatedDischargeDate = null)),
        Gen.Choose(1, 1000).Select(days => new C($"estimated discharge {days} days before today", c => c.Request.EstimatedDischargeDate = Date(DateTimeOffset.UtcNow.AddDays(-days)))),
        Gen.Choose(1, 100).Select(years => new C($"estimated discharge in {years} years", c => c.Request.EstimatedDischargeDate = Date(DateTimeOffset.UtcNow.AddYears(years)))),
        MalformedDate().Select(d => new C($"estimated discharge date {d.Name}", c => c.Request.EstimatedDischargeDate = d.Value)));

    private static Gen<C> Needs() => Gen.OneOf(
        Gen.Constant(new C("no needs", c => c.Request.Needs.Clear())),
        Gen.Constant(new C("need unspecified", c => c.Request.Needs.Add(CareNeed.Unspecified))),
        UnknownEnumValue().Select(v => new C($"need {v}", c => c.Request.Needs.Add((CareNeed)v))),
        Gen.Constant(new C("needs repeated", c => c.Request.Needs.AddRange(c.Request.Needs.ToList()))),
        Gen.Constant(new C("care type unspecified", c => c.Request.CareType = CareType.Unspecified)),
        UnknownEnumValue().Select(v => new C($"care type {v}", c => c.Request.CareType = (CareType)v)));

    private static Gen<C> RequestId() => Gen.OneOf(
        Gen.Elements("", " ", "not-a-uuid", "\0").Select(id => new C($"request_id '{id}'", c => c.Request.RequestId = id)),
        OddString().Select(s => new C($"request_id '{Short(s)}'", c => c.Request.RequestId = s)));

    private static Samverkan.Contracts.Common.V1.PersonalIdentityNumber Pin(AdmissionCall call) =>
        call.Patient.PersonalIdentityNumber ??= new Samverkan.Contracts.Common.V1.PersonalIdentityNumber { Value = "" };

    private static string Short(string value) => value.Length <= 20 ? value : $"{value[..10]}… ({value.Length} chars)";
}
