namespace Samverkan.DischargeNotices.Domain.Cases;

public sealed record PostalAddress(string Street, string PostalCode, string City);
