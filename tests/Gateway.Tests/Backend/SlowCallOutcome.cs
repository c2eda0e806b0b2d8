namespace Samverkan.Gateway.Tests.Backend;

public enum SlowCallOutcome
{
    Completed,
    Cancelled,
}
