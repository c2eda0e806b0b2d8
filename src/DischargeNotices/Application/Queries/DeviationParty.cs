namespace Samverkan.DischargeNotices.Application.Queries;

[Flags]
public enum DeviationParty
{
    Responsible = 1,
    Reporting = 2,
    Both = Responsible | Reporting,
}
