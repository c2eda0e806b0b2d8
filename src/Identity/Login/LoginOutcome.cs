namespace Samverkan.Identity.Login;

public enum LoginOutcome
{
    Success,
    InvalidCredentials,
    Disabled,
    LockedOut,
}
