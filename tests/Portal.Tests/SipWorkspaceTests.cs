using Microsoft.Playwright;
using Samverkan.Portal.Tests.Infrastructure;

namespace Samverkan.Portal.Tests;

// Item 4: a SIP from the discovered need to the follow-up, by a municipal social worker (Falun) and a
// region user (Hälsocentral Falun) in their own browsers; another municipality cannot see it; the
// forms keep what was typed when they refuse it.
[Collection(PortalCollection.Name)]
public sealed class SipWorkspaceTests(PortalPlatform platform)
{
    private const string Falun = "Falu kommun";
    private const string Region = "Region Dalarna";

    [ChromiumFact]
    public async Task Social_worker_and_region_draw_up_sign_and_follow_up_a_plan_that_another_municipality_cannot_see()
    {
        var person = TestPatient.Create("Sip");
        var anna = await platform.LoginAsync("anna.lind", "/sip/ny");
        var planId = "";
        await platform.StepAsync(anna, async () =>
        {
            planId = await SipFlowSteps.StartPlanAsync(anna, person);
            await SipFlowSteps.ExpectStateAsync(anna, "Behov upptäckt");
            await SipFlowSteps.ConsentAndPrepareAsync(anna);
            await SipFlowSteps.InviteAsync(anna, "Socialtjänsten, Falun", "Hälsocentral Falun");
            await SipFlowSteps.RecordMeetingAsync(anna);
        });

        // The region's user finds the plan among her organisation's plans (she is summoned and the
        // consent covers the region) and writes the plan's content with the person, then agrees it.
        var lena = await platform.LoginAsync("lena.dahl", "/sip");
        await platform.StepAsync(lena, async () =>
        {
            await lena.GetByRole(AriaRole.Link, new() { Name = person.FullName }).ClickAsync();
            await lena.GetByRole(AriaRole.Heading, new() { Name = $"SIP för {person.FullName}" }).WaitForAsync();
            await SipFlowSteps.WriteContentAsync(lena, Falun, Region);
            await SipFlowSteps.AgreeAsync(lena);
            await lena.GetByRole(AriaRole.Button, new() { Name = $"Signera för {Region}" }).ClickAsync();
            await Assertions.Expect(lena.GetByTestId("signatur-20-v1")).ToContainTextAsync("Signerat");
            // The region signs only for itself.
            Assert.Equal(0, await lena.GetByRole(AriaRole.Button, new() { Name = $"Signera för {Falun}" }).CountAsync());
        });

        // The municipality sees the agreed plan waiting on its start page, signs, records the person's
        // signature, and follows the plan up.
        await platform.StepAsync(anna, async () =>
        {
            await anna.GotoAsync(platform.PortalAddress.ToString());
            var waiting = anna.Locator("section", new() { Has = anna.GetByRole(AriaRole.Heading, new() { Name = "SIP som väntar på din organisation", Exact = false }) });
            await waiting.GetByRole(AriaRole.Link, new() { Name = person.FullName }).ClickAsync();
            await SipFlowSteps.ExpectStateAsync(anna, "Överenskommen");
            await anna.GetByRole(AriaRole.Button, new() { Name = $"Signera för {Falun}" }).ClickAsync();
            await Assertions.Expect(anna.GetByTestId("signatur-2080-v1")).ToContainTextAsync("Signerat");
            await anna.GetByRole(AriaRole.Button, new() { Name = "Registrera personens underskrift" }).ClickAsync();
            await Assertions.Expect(anna.GetByTestId("signatur-person-v1")).ToContainTextAsync("Signerat");
            await anna.GetByText("Version 1, godkänd", new() { Exact = false }).And(anna.GetByText("signerad av alla parter", new() { Exact = false })).WaitForAsync();

            await anna.GetByLabel("Datum för uppföljning").FillAsync(SipFlowSteps.Date(SipFlowSteps.LocalNow.AddDays(20)));
            await anna.GetByRole(AriaRole.Button, new() { Name = "Planera uppföljning" }).ClickAsync();
            await anna.GetByText("Uppföljningen är planerad till", new() { Exact = false }).WaitForAsync();
            foreach (var outcome in await anna.GetByRole(AriaRole.Radio, new() { Name = "Genomförd", Exact = true }).AllAsync()) await outcome.CheckAsync();
            await anna.GetByRole(AriaRole.Button, new() { Name = "Registrera uppföljningen" }).ClickAsync();
            await SipFlowSteps.ExpectStateAsync(anna, "Följs upp");
            await anna.GetByText("Hemtjänst morgon och kväll: Genomförd").WaitForAsync();

            // The printable plan (the service's document of the agreed version).
            await anna.GetByRole(AriaRole.Link, new() { Name = "Skriv ut planen", Exact = false }).ClickAsync();
            await Assertions.Expect(anna.GetByRole(AriaRole.Heading, new() { Name = "Samordnad individuell plan (SIP)", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(anna.Locator("article.sip-document")).ToContainTextAsync("Hemtjänst morgon och kväll");

            await anna.GotoAsync(new Uri(platform.PortalAddress, $"/sip/plan/{planId}").ToString());
            await anna.GetByLabel("Orsak").SelectOptionAsync(new SelectOptionValue { Label = "Genomförd (efter uppföljning)" });
            await anna.GetByRole(AriaRole.Button, new() { Name = "Avsluta planen" }).ClickAsync();
            await SipFlowSteps.ExpectStateAsync(anna, "Avslutad");
        });

        // Mora's social worker: the plan is not in her lists and its address answers "not found".
        var erik = await platform.LoginAsync("erik.berg", $"/sip/plan/{planId}");
        await platform.StepAsync(erik, async () =>
        {
            await erik.GetByText("finns inte, eller så har du inte behörighet").WaitForAsync();
            Assert.Equal(0, await erik.GetByText(person.FamilyName).CountAsync());
            await erik.GotoAsync(new Uri(platform.PortalAddress, "/sip").ToString());
            await erik.GetByLabel("Visa planer i läge").SelectOptionAsync("all");
            await erik.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();
            await erik.GetByText("Inga planer att visa.").Or(erik.Locator("table")).First.WaitForAsync();
            Assert.Equal(0, await erik.GetByText(person.FamilyName).CountAsync());
        });

        foreach (var page in new[] { anna, lena, erik }) await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task A_refused_plan_form_lists_what_to_fix_and_keeps_what_was_typed()
    {
        var anna = await platform.LoginAsync("anna.lind", "/sip/ny");
        await platform.StepAsync(anna, async () =>
        {
            var number = anna.GetByLabel("Personnummer");
            await number.PressSequentiallyAsync("19121212-1213");
            await Assertions.Expect(anna.Locator("#personnummer-fel")).ToContainTextAsync("Kontrollsiffran");
            await anna.GetByLabel("Förnamn").FillAsync("Tolvan");
            await anna.GetByLabel("Vilket behov av samordning").FillAsync("Behöver samordnad hjälp");

            await anna.GetByRole(AriaRole.Button, new() { Name = "Starta SIP" }).ClickAsync();
            var summary = anna.Locator(".error-summary");
            await Assertions.Expect(summary).ToBeFocusedAsync();
            await Assertions.Expect(summary).ToContainTextAsync("Kontrollsiffran");
            await Assertions.Expect(summary).ToContainTextAsync("efternamn");
            await Assertions.Expect(anna.GetByLabel("Personnummer")).ToHaveValueAsync("19121212-1213");
            await Assertions.Expect(anna.GetByLabel("Förnamn")).ToHaveValueAsync("Tolvan");
            await Assertions.Expect(anna.GetByLabel("Vilket behov av samordning")).ToHaveValueAsync("Behöver samordnad hjälp");

            // The draft outlives the page: opened again, the form is as it was left.
            await anna.ReloadAsync();
            await anna.GetByText("Det du skrev tidigare är återställt.").WaitForAsync();
            await Assertions.Expect(anna.GetByLabel("Förnamn")).ToHaveValueAsync("Tolvan");
            await Assertions.Expect(anna.GetByLabel("Vilket behov av samordning")).ToHaveValueAsync("Behöver samordnad hjälp");
        });
        await anna.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task A_discharge_case_starts_a_plan_prefilled_from_the_case()
    {
        var patient = TestPatient.Create("Utskriven");
        var karin = await platform.LoginAsync("karin.nyberg", "/utskrivning/nytt");
        await platform.StepAsync(karin, async () =>
        {
            await AdmissionFormSteps.FillAsync(karin, patient, "2080");
            await AdmissionFormSteps.SendAsync(karin);
        });
        var caseId = new Uri(karin.Url).AbsolutePath.Split('/').Last();

        var anna = await platform.LoginAsync("anna.lind", $"/utskrivning/arende/{caseId}");
        await platform.StepAsync(anna, async () =>
        {
            await anna.GetByRole(AriaRole.Link, new() { Name = "Starta SIP för patienten" }).ClickAsync();
            await Assertions.Expect(anna.GetByLabel("Personnummer")).ToHaveValueAsync(patient.Dashed);
            await Assertions.Expect(anna.GetByLabel("Efternamn")).ToHaveValueAsync(patient.FamilyName);
            await Assertions.Expect(anna.GetByLabel("Vilket behov av samordning")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("socialtjänst"));
            await anna.GetByRole(AriaRole.Button, new() { Name = "Starta SIP" }).ClickAsync();
            await anna.GetByText("Planen är startad.").WaitForAsync();
            await anna.GetByRole(AriaRole.Heading, new() { Name = $"SIP för {patient.FullName}" }).WaitForAsync();
        });
        await karin.Context.CloseAsync();
        await anna.Context.CloseAsync();
    }
}
