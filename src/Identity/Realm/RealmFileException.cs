namespace Samverkan.Identity.Realm;

// The realm file cannot be served; the message names the entry to fix.
public sealed class RealmFileException(string message) : Exception(message);
