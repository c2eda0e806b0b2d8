namespace Samverkan.DischargeNotices.Application.Persistence;

// A case as read, with the document version a write must expect.
public sealed record LoadedCase(DischargeCase Case, long Version);
