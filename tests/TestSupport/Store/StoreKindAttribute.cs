namespace Samverkan.TestSupport.Store;

// The store kind the [StoreFact] tests of a class need (see StoreFactAttribute).
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StoreKindAttribute(StoreKind kind) : Attribute
{
    public StoreKind Kind { get; } = kind;
}
