namespace Samverkan.DischargeNotices.Domain.Cases;

// Fast vårdkontakt: the person in the outpatient unit who coordinates and calls to the SIP.
public sealed record FixedCareContact(string UnitId, string Name, string Title, string Phone, DateTimeOffset AppointedAt);
