using Xunit.Abstractions;
using Xunit.Sdk;

namespace Samverkan.TestSupport.Store;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var kind = KindOf(testMethod.TestClass.Class);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        if (StoreServer.UnavailableReason(kind) is { } reason)
        {
            yield return new SkippedTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason);
        }
        else
        {
            yield return new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
        }
    }

    public static StoreKind KindOf(ITypeInfo testClass)
    {
        var attribute = testClass.GetCustomAttributes(typeof(StoreKindAttribute)).FirstOrDefault();
        // Enum constructor arguments may arrive as their underlying value.
        return attribute?.GetConstructorArguments().FirstOrDefault() is { } value
            ? (StoreKind)Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
            : StoreServer.DefaultKind;
    }
}
