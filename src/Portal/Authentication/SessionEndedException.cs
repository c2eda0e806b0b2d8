namespace Samverkan.Portal.Authentication;

// The user's single sign-on session is over (idle timeout, logged out elsewhere, portal restarted):
// no call can be made for them until they log in again.
public sealed class SessionEndedException() : Exception("The single sign-on session has ended.");
