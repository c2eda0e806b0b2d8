namespace Samverkan.Identity.Login;

// What the login page says for each outcome.
public static class SwedishMessages
{
    public static string For(LoginOutcome outcome) => outcome switch
    {
        LoginOutcome.InvalidCredentials => "Fel användarnamn eller lösenord.",
        LoginOutcome.Disabled => "Kontot är inaktiverat. Kontakta din administratör.",
        LoginOutcome.LockedOut => "För många misslyckade inloggningsförsök. Kontot är tillfälligt låst – försök igen om en stund.",
        _ => "",
    };
}
