using Samverkan.SipPlans.Domain.Content;
using Samverkan.SipPlans.Domain.Versions;
using Samverkan.SipPlans.Export;
using static Samverkan.SipPlans.Tests.Support.PlanScenario;

namespace Samverkan.SipPlans.Tests.Export;

public sealed class HtmlDocumentTests
{
    [Fact]
    public void The_printed_plan_is_in_swedish_with_every_mandatory_part_and_a_signature_row_per_party()
    {
        var plan = Agreed();
        plan.Sign(1, Signatory.Organisation(Falun), Start.AddDays(8), As("2080-soc", 8));

        var html = PlanHtmlDocument.Render(plan, plan.CurrentVersion!, Units);

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("lang=\"sv\"", html);
        foreach (var heading in new[] { "Samordnad individuell plan (SIP)", "Det här är viktigt för mig", "Mina mål", "Insatser och vem som ansvarar",
                     "Andra aktörers insatser", "Huvudansvar för planen", "Kontaktpersoner", "Deltagare", "SIP-mötet", "Uppföljning", "Underskrifter" })
        {
            Assert.Contains(heading, html);
        }
        Assert.Contains("Boendestöd två gånger i veckan", html);
        Assert.Contains("Försäkringskassan", html);
        Assert.Contains("Kortsiktigt mål", html);
        Assert.Contains("Alternativ som övervägdes", html);
        Assert.Contains("19850412-", html);
        Assert.Contains("Undertecknad", html);
        Assert.Equal(3, CountOf(html, "class=\"sign\""));
    }

    [Fact]
    public void Caller_text_is_encoded_so_it_cannot_inject_markup()
    {
        var plan = ReadyToAgree(content: CompleteContent with { WhatMatters = "<script>alert(1)</script> & mer" });
        plan.Agree(As("2080-soc", 8));

        var html = PlanHtmlDocument.Render(plan, plan.CurrentVersion!, Units);

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void A_protected_person_is_marked_and_no_place_appears()
    {
        var plan = Prepared(Person(protectedIdentity: true));
        plan.SendInvitations(Start.AddDays(1), Start.AddDays(8), false, null, As("2080-soc", 1));
        plan.RecordMeeting(CompleteMeeting, As("2080-soc", 8));
        plan.UpdateContent(CompleteContent, As("2080-soc", 8));
        plan.Agree(As("2080-soc", 8));

        var html = PlanHtmlDocument.Render(plan, plan.CurrentVersion!, Units);

        Assert.Contains("Skyddade personuppgifter", html);
        Assert.DoesNotContain("Adress:", html);
        Assert.DoesNotContain("Plats", html);
    }

    [Fact]
    public void The_meeting_place_of_an_ordinary_invitation_is_not_printed_either()
    {
        var plan = Prepared();
        plan.SendInvitations(Start.AddDays(1), Start.AddDays(8), false, "Rådhuset rum 3", As("2080-soc", 1));
        plan.RecordMeeting(CompleteMeeting, As("2080-soc", 8));
        plan.UpdateContent(CompleteContent, As("2080-soc", 8));
        plan.Agree(As("2080-soc", 8));

        Assert.DoesNotContain("Rådhuset", PlanHtmlDocument.Render(plan, plan.CurrentVersion!, Units));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
