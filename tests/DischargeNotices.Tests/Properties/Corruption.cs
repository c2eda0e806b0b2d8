namespace Samverkan.DischargeNotices.Tests.Properties;

// One named change that makes a valid call (possibly) invalid. The description is what FsCheck
// prints for a counterexample, so it says exactly what was done.
public sealed record Corruption<TCall>(string Description, Action<TCall> Apply)
{
    public override string ToString() => Description;
}
