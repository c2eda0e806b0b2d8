using Xunit;
using Xunit.Sdk;

namespace Samverkan.TestSupport.Store;

// A [Fact] that needs a store of the kind named by [StoreKind] on its (concrete) test class, or the
// default kind when the class has none. Skipped, with the reason, when that kind cannot run here
// (e.g. the Redis half of a conformance suite on a machine without redis-server).
[XunitTestCaseDiscoverer("Samverkan.TestSupport.Store.StoreFactDiscoverer", "Samverkan.TestSupport")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;
