namespace Samverkan.DischargeNotices.Domain.Cases;

// Why a notice was given by telephone instead of through the platform (a fixed vocabulary: no free text).
public enum TelephoneNoticeReason
{
    PlatformUnavailable,        // Samverkan could not be reached
    SenderSystemUnavailable,    // the inpatient unit's own system was down
    NetworkUnavailable,         // the network between them was down
}
