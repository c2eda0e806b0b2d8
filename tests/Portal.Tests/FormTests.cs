using Microsoft.Playwright;
using Samverkan.Portal.Tests.Infrastructure;

namespace Samverkan.Portal.Tests;

// Item 5: forms validate as the user types, errors say what to do, and nothing typed is lost on a
// validation error or an ended session.
[Collection(PortalCollection.Name)]
public sealed class FormTests(PortalPlatform platform)
{
    [ChromiumFact]
    public async Task Personnummer_is_checked_as_it_is_typed_and_a_refused_submit_keeps_everything()
    {
        var karin = await platform.LoginAsync("karin.nyberg", "/utskrivning/nytt");
        await platform.StepAsync(karin, async () =>
        {
            var number = karin.GetByLabel("Personnummer");
            // 19121212-1212 is valid; a wrong last digit is caught as soon as the twelfth digit is typed.
            await number.PressSequentiallyAsync("19121212-1213");
            await Assertions.Expect(karin.Locator("#personnummer-fel")).ToContainTextAsync("Kontrollsiffran");
            await Assertions.Expect(number).ToHaveAttributeAsync("aria-invalid", "true");
            await number.PressAsync("Backspace");
            await number.PressSequentiallyAsync("2");
            await Assertions.Expect(karin.Locator("#personnummer-fel")).ToHaveCountAsync(0);
            await Assertions.Expect(number).ToHaveAttributeAsync("aria-invalid", "false");

            // An impossible date part says so.
            await number.FillAsync("");
            await number.PressSequentiallyAsync("19121312-1212");
            await Assertions.Expect(karin.Locator("#personnummer-fel")).ToContainTextAsync("Datumdelen");
            await number.FillAsync("19121212-1212");

            await karin.GetByLabel("Förnamn").FillAsync("Tolvan");
            await karin.GetByLabel("Postnummer").FillAsync("79");
            await karin.GetByLabel("Postnummer").BlurAsync();
            await Assertions.Expect(karin.Locator("#postnummer-fel")).ToContainTextAsync("fem siffror");

            // Submitting an incomplete form lists every error, focused, and keeps what was typed.
            await karin.GetByRole(AriaRole.Button, new() { Name = "Skicka inskrivningsmeddelande" }).ClickAsync();
            var summary = karin.Locator(".error-summary");
            await Assertions.Expect(summary).ToBeFocusedAsync();
            await Assertions.Expect(summary).ToContainTextAsync("Markera minst ett behov");
            await Assertions.Expect(summary).ToContainTextAsync("samtycke");
            await Assertions.Expect(karin.GetByLabel("Personnummer")).ToHaveValueAsync("19121212-1212");
            await Assertions.Expect(karin.GetByLabel("Förnamn")).ToHaveValueAsync("Tolvan");
        });
        await karin.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task An_ended_session_is_explained_and_the_form_is_there_after_logging_in_again()
    {
        var patient = TestPatient.Create("Sessions");
        var karin = await platform.LoginAsync("karin.nyberg", "/utskrivning/nytt");
        await platform.StepAsync(karin, () => AdmissionFormSteps.FillAsync(karin, patient, "2080"));

        // The single sign-on session lapses (test realm: 30 s idle), as after a long coffee break.
        await Task.Delay(PortalPlatform.SessionIdleTimeout + TimeSpan.FromSeconds(2));

        await platform.StepAsync(karin, async () =>
        {
            await karin.GetByRole(AriaRole.Button, new() { Name = "Skicka inskrivningsmeddelande" }).ClickAsync();
            await karin.GetByRole(AriaRole.Heading, new() { Name = "Din inloggning har gått ut" }).WaitForAsync();
            await Assertions.Expect(karin.GetByLabel("Personnummer")).ToHaveValueAsync(patient.Dashed);

            await karin.GetByRole(AriaRole.Link, new() { Name = "Logga in igen" }).ClickAsync();
            await platform.SubmitLoginAsync(karin, "karin.nyberg");
            await karin.GetByText("Det du skrev tidigare är återställt.").WaitForAsync();
            await Assertions.Expect(karin.GetByLabel("Personnummer")).ToHaveValueAsync(patient.Dashed);
            await Assertions.Expect(karin.GetByLabel("Efternamn")).ToHaveValueAsync(patient.FamilyName);
            await Assertions.Expect(karin.GetByLabel("Samtycker till att meddelanden skickas")).ToBeCheckedAsync();

            // Sent once, as typed before the session ended.
            await AdmissionFormSteps.SendAsync(karin);
            await karin.GetByRole(AriaRole.Heading, new() { Name = patient.FullName, Exact = false }).WaitForAsync();
        });
        await karin.Context.CloseAsync();
    }
}
