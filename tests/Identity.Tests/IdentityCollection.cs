using Samverkan.TestSupport.Identity;

namespace Samverkan.Identity.Tests;

[CollectionDefinition(Name)]
public sealed class IdentityCollection : ICollectionFixture<IdentityServerFixture>
{
    public const string Name = "identity";
}
