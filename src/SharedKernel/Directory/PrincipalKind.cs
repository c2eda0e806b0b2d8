namespace Samverkan.SharedKernel.Directory;

// The two kinds of principal (huvudman) on the platform.
public enum PrincipalKind
{
    Municipality,
    Region,
}
