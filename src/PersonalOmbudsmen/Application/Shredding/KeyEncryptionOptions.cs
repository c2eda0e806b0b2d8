namespace Samverkan.PersonalOmbudsmen.Application.Shredding;

// The key-encryption keys (KEK) that wrap every assignment's data key. They never live in the
// store: production reads them from a secret manager (or keeps them in an HSM, see
// docs/personal-ombudsmen.md), e.g. PersonalOmbudsmen__KeyEncryption__Keys__2026a.
//
// Rotation: add a new key, make it active, let the re-wrap loop move every live data key to it,
// then delete the old key once every backup taken before the re-wrap has expired. From that moment
// a data key destroyed at closing can no longer be recovered even from an old backup of the store.
public sealed class KeyEncryptionOptions
{
    public const string SectionName = "PersonalOmbudsmen:KeyEncryption";

    // The id of the key new data keys are wrapped with (a short word: letters, digits, '-', '_').
    public string ActiveKeyId { get; set; } = "";

    // Key id -> base64 of exactly 32 random bytes (AES-256).
    public Dictionary<string, string> Keys { get; set; } = [];
}
