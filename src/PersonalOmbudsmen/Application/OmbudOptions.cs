using Samverkan.PersonalOmbudsmen.Domain.Statistics;

namespace Samverkan.PersonalOmbudsmen.Application;

// Configuration section "PersonalOmbudsmen" (the key-encryption keys are its "KeyEncryption" part).
public sealed class OmbudOptions
{
    public const string SectionName = "PersonalOmbudsmen";

    // Unset: the copy of deploy/directory/units.json next to the binaries.
    public string? UnitDirectoryPath { get; set; }

    // Counts from 1 to this value minus one are suppressed in the annual follow-up (verify with the county).
    public int SuppressionThreshold { get; set; } = AnnualFollowUp.DefaultThreshold;

    // How often live data keys are re-wrapped with the active key-encryption key.
    public TimeSpan KeyRewrapInterval { get; set; } = TimeSpan.FromHours(1);
}
