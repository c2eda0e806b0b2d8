namespace Samverkan.Identity.Realm;

// Keycloak's brute-force detection settings: after FailureFactor failures within MaxDeltaTime the
// account is locked for WaitIncrement (growing per further FailureFactor failures, capped at MaxWait).
public sealed record BruteForcePolicy(bool Enabled, int FailureFactor, TimeSpan MaxDeltaTime, TimeSpan WaitIncrement, TimeSpan MaxWait);
