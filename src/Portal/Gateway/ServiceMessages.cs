using Grpc.Core;

namespace Samverkan.Portal.Gateway;

// Swedish text for a service's gRPC status. The services answer integrators in English; staff get
// what happened and what to do. The service's own message is kept as a detail for the cases where
// it names the rule (a precondition, an invalid field) — it never carries personal data.
public static class ServiceMessages
{
    public static string Describe(RpcException error) => error.StatusCode switch
    {
        StatusCode.InvalidArgument => $"Uppgifterna godtogs inte. Kontrollera fälten och försök igen. (Tjänstens svar: {error.Status.Detail})",
        StatusCode.FailedPrecondition => $"Steget går inte att göra i ärendets nuvarande läge. (Tjänstens svar: {error.Status.Detail})",
        StatusCode.AlreadyExists => $"Det här finns redan registrerat. (Tjänstens svar: {error.Status.Detail})",
        StatusCode.NotFound => "Ärendet finns inte, eller så har du inte behörighet att se det.",
        StatusCode.PermissionDenied => "Du har inte behörighet att göra detta med din roll och enhet.",
        StatusCode.ResourceExhausted => "För många anrop just nu. Vänta en stund och försök igen.",
        StatusCode.DeadlineExceeded or StatusCode.Unavailable => "Tjänsten svarar inte just nu. Försök igen om en stund; det du har skrivit finns kvar.",
        _ => "Något gick fel i tjänsten. Försök igen; kontakta supporten om felet kvarstår.",
    };
}
