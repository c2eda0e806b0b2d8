using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Samverkan.SharedKernel.Directory;
using Samverkan.SipPlans.Domain.Plans;
using Samverkan.SipPlans.Domain.Versions;

namespace Samverkan.SipPlans.Export;

// A plan version as a printable HTML document in Swedish: the page the person and every party read
// and sign. Every caller-supplied text is HTML-encoded. No address or location appears, for anyone:
// the plan holds none, and the meeting place of the invitation is deliberately left out.
public static class PlanHtmlDocument
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    // Swedish letters stay readable in the source of the page; markup characters are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Render(SipPlan plan, PlanVersion version, UnitDirectory directory)
    {
        var content = version.Content;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>Samordnad individuell plan (SIP)</title>\n")
            .Append("<style>body{font-family:serif;max-width:48em;margin:2em auto}h1{font-size:1.6em}h2{font-size:1.2em;border-bottom:1px solid #999}")
            .Append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3em;text-align:left;vertical-align:top}")
            .Append(".sign{height:3em}@media print{a{color:inherit}}</style>\n</head>\n<body>\n");

        html.Append("<h1>Samordnad individuell plan (SIP)</h1>\n<p>");
        Text(html, $"Version {version.Number}, upprättad {Date(version.AgreedAt)}. Planens id: {plan.Id}.");
        html.Append("</p>\n");

        html.Append("<h2>Personen</h2>\n<p>");
        var name = string.Join(' ', new[] { plan.Person.GivenName, plan.Person.FamilyName }.Where(n => !string.IsNullOrEmpty(n)));
        Text(html, name.Length > 0 ? name : "(namn inte angivet)");
        html.Append("<br>Personnummer: ");
        Text(html, FormatNumber(plan.Person.PersonalIdentityNumber));
        html.Append("</p>\n");
        if (plan.Person.ProtectedIdentity)
        {
            html.Append("<p><strong>Skyddade personuppgifter.</strong> Adress och vistelseort får inte lämnas ut.</p>\n");
        }

        Section(html, "Det här är viktigt för mig", content.WhatMatters);

        html.Append("<h2>Mina mål</h2>\n<ul>\n");
        foreach (var goal in content.Goals.OrderBy(g => g.Term))
        {
            html.Append("<li>");
            Text(html, $"{SwedishTerms.Of(goal.Term)}: {goal.Text}");
            html.Append("</li>\n");
        }
        html.Append("</ul>\n");

        html.Append("<h2>Insatser och vem som ansvarar</h2>\n<table>\n<tr><th>Insats</th><th>Ansvarig huvudman</th></tr>\n");
        foreach (var intervention in content.Interventions)
        {
            html.Append("<tr><td>");
            Text(html, intervention.Description);
            html.Append("</td><td>");
            Text(html, OrganisationName(directory, intervention.ResponsibleOrganisation)
                + (intervention.ResponsibleUnit is { } unit ? $", {directory.FindUnit(unit)?.Name ?? unit}" : ""));
            html.Append("</td></tr>\n");
        }
        html.Append("</table>\n");

        html.Append("<h2>Andra aktörers insatser</h2>\n");
        if (content.OtherMeasures.Count == 0)
        {
            html.Append("<p>Inga andra aktörer har insatser.</p>\n");
        }
        else
        {
            html.Append("<ul>\n");
            foreach (var measure in content.OtherMeasures)
            {
                html.Append("<li>");
                Text(html, $"{SwedishTerms.Of(measure.Actor)}: {measure.Description}");
                html.Append("</li>\n");
            }
            html.Append("</ul>\n");
        }

        html.Append("<h2>Huvudansvar för planen</h2>\n<p>");
        Text(html, content.OverallResponsibleOrganisation is { } overall ? OrganisationName(directory, overall) : "(inte angivet)");
        html.Append("</p>\n");

        Section(html, "Det här gör jag själv", content.OwnActions);
        Section(html, "Hur nuvarande insatser fungerar", content.CurrentInterventionsAssessment);

        html.Append("<h2>Kontaktpersoner</h2>\n<table>\n<tr><th>Huvudman</th><th>Namn</th><th>Titel</th><th>Telefon</th></tr>\n");
        foreach (var contact in content.ContactPersons)
        {
            html.Append("<tr><td>");
            Text(html, OrganisationName(directory, contact.OrganisationCode));
            html.Append("</td><td>");
            Text(html, contact.Name);
            html.Append("</td><td>");
            Text(html, contact.Title ?? "");
            html.Append("</td><td>");
            Text(html, contact.Phone ?? "");
            html.Append("</td></tr>\n");
        }
        html.Append("</table>\n");

        html.Append("<h2>Deltagare</h2>\n<ul>\n");
        foreach (var participant in version.Participants)
        {
            html.Append("<li>");
            Text(html, participant.IsPrincipal
                ? $"{directory.FindUnit(participant.UnitId)?.Name ?? participant.UnitId}, {OrganisationName(directory, participant.OrganisationCode!)} (kallad)"
                : participant.OtherActor is { } actor
                    ? $"{SwedishTerms.Of(actor)}{(participant.Name is null ? "" : $", {participant.Name}")} (inbjuden)"
                    : $"Anhörig{(participant.Name is null ? "" : $": {participant.Name}")} (inbjuden)");
            html.Append("</li>\n");
        }
        html.Append("</ul>\n<p>");
        Text(html, SwedishTerms.Of(content.Relatives) + ".");
        html.Append("</p>\n");
        if (content.ChildParticipation.Count > 0)
        {
            html.Append("<p>Barnets delaktighet: ");
            Text(html, string.Join(", ", content.ChildParticipation.Select(SwedishTerms.Of)) + ".");
            html.Append("</p>\n");
        }

        if (version.Meeting is { } meeting)
        {
            html.Append("<h2>SIP-mötet</h2>\n<p>");
            Text(html, $"Hölls {Date(meeting.HeldAt)}{(meeting.Digital ? " digitalt" : "")}. "
                + (meeting.IndividualPresent ? "Personen deltog." : "Personen deltog inte.")
                + $" Dagordning: {string.Join(", ", meeting.AgendaCovered.Select(SwedishTerms.Of))}.");
            html.Append("</p>\n<h3>Beslut</h3>\n<ul>\n");
            foreach (var decision in meeting.Decisions)
            {
                html.Append("<li>");
                Text(html, decision.Text);
                html.Append(" <em>Alternativ som övervägdes:</em> ");
                Text(html, string.Join("; ", decision.AlternativesConsidered));
                html.Append("</li>\n");
            }
            html.Append("</ul>\n");
            Section(html, "Min syn", meeting.PersonsView, level: 3);
        }

        html.Append("<h2>Uppföljning</h2>\n<p>");
        Text(html, content.FollowUpDate is { } followUp ? $"Planen följs upp {followUp.ToString("d MMMM yyyy", Swedish)}." : "(datum inte angivet)");
        html.Append("</p>\n");

        html.Append("<h2>Underskrifter</h2>\n<table>\n<tr><th>Part</th><th>Underskrift</th></tr>\n");
        foreach (var signatory in version.RequiredSignatories)
        {
            var signature = version.Signatures.FirstOrDefault(s => s.Signatory == signatory);
            html.Append("<tr><td>");
            Text(html, signatory.Kind == SignatoryKind.Individual ? "Personen" : OrganisationName(directory, signatory.OrganisationCode!));
            html.Append("</td><td class=\"sign\">");
            if (signature is not null) Text(html, $"Undertecknad {Date(signature.SignedAt)}");
            html.Append("</td></tr>\n");
        }
        html.Append("</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Section(StringBuilder html, string heading, string? text, int level = 2)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h{level}>");
        Text(html, heading);
        html.Append(CultureInfo.InvariantCulture, $"</h{level}>\n<p>");
        Text(html, string.IsNullOrWhiteSpace(text) ? "(inte angivet)" : text);
        html.Append("</p>\n");
    }

    private static void Text(StringBuilder html, string text) =>
        html.Append(Encoder.Encode(text).Replace("&#xA;", "<br>", StringComparison.Ordinal));

    private static string Date(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Stockholm).ToString("d MMMM yyyy", Swedish);

    private static string OrganisationName(UnitDirectory directory, string code) => directory.FindOrganisation(code)?.Name ?? code;

    private static string FormatNumber(Samverkan.SharedKernel.Identity.PersonalIdentityNumber number) =>
        $"{number.Value[..8]}-{number.Value[8..]}";

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
}
