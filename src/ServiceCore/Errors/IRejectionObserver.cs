namespace Samverkan.ServiceCore.Errors;

// Told of every refused call (by operation and status code), e.g. to count refusals in the
// service's metrics. Register as a singleton; any number may be registered.
public interface IRejectionObserver
{
    void Rejected(string operation, string status);
}
