using Samverkan.Contracts.Audit.V1;

namespace Samverkan.AccessLog.Extract;

// How an access reads in Swedish to the person whose data it was.
public static class SwedishAccessWording
{
    public static string Verb(AccessAction action) => action switch
    {
        AccessAction.Read => "läste uppgifter",
        AccessAction.Create => "registrerade uppgifter",
        AccessAction.Change => "ändrade uppgifter",
        AccessAction.Disclose => "lämnade ut uppgifter",
        AccessAction.Print => "skrev ut uppgifter",
        AccessAction.Export => "tog ut uppgifter",
        AccessAction.Delete => "raderade uppgifter",
        _ => "hanterade uppgifter",
    };

    // Accesses by an integrated system (a service account without a unit).
    public const string SystemUnit = "via ett anslutet verksamhetssystem";

    public const string DateTimeFormat = "yyyy-MM-dd HH:mm";

    public const string DateFormat = "yyyy-MM-dd";
}
