namespace Samverkan.SharedKernel.Identity;

// Legal sex as encoded in the identity number (the ninth digit of the ten-digit form: odd = man,
// even = woman). Used only for statistics disaggregated by sex, never for display.
public enum LegalSex
{
    Female,
    Male,
}
