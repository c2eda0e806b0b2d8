using Microsoft.AspNetCore.Components;
using Samverkan.Portal.Authentication;
using Samverkan.Portal.Gateway;

namespace Samverkan.Portal.Components.Shared;

// Base of pages that call services: one place turns a refused call into the page's Error text and
// an ended session into the layout's message (what was typed stays in the form's draft).
public abstract class PortalPage : ComponentBase
{
    [Inject] protected GatewayCalls Calls { get; set; } = null!;

    [Inject] protected UserSession Session { get; set; } = null!;

    [Inject] protected TimeProvider Time { get; set; } = null!;

    protected string? Error { get; set; }

    protected bool Busy { get; private set; }

    // Runs a service interaction; true when it succeeded.
    protected async Task<bool> RunAsync(Func<Task> action)
    {
        Error = null;
        Busy = true;
        try
        {
            await action();
            return true;
        }
        catch (SessionEndedException)
        {
            Error = "Din inloggning har gått ut, så inget skickades. Logga in igen; det du har skrivit finns kvar.";
            return false;
        }
        catch (ServiceError ex)
        {
            Error = ex.Message;
            return false;
        }
        finally
        {
            Busy = false;
        }
    }
}
