using System.Text;
using Samverkan.PersonalOmbudsmen.Application.Persistence;
using Samverkan.PersonalOmbudsmen.Application.Shredding;
using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.PersonalOmbudsmen.Domain.Rules;
using Samverkan.ServiceCore.Commands;

namespace Samverkan.PersonalOmbudsmen.Application.Commands;

// The platform's idempotency fingerprint is a plain SHA-256 of the request, kept 7 days in the
// store. For a short working note or a personnummer that hash could be confirmed by guessing. Here
// it is replaced by an HMAC over it under a key the store does not hold: the assignment's data key
// (so the fingerprint dies with the assignment) or, for the opening, the key ring's.
public sealed class RequestFingerprints(AssignmentRepository repository, KeyRing keyRing)
{
    public IdempotencyKey ForOpening(IdempotencyKey plain) => plain with { Fingerprint = keyRing.Fingerprint(Encoding.ASCII.GetBytes(plain.Fingerprint)) };

    // NotFound / FailedPrecondition (closed: the key is destroyed, nothing can be added) before the pipeline runs.
    public async Task<IdempotencyKey> ForAssignmentAsync(IdempotencyKey plain, string assignmentId, CancellationToken cancellationToken)
    {
        using var key = await repository.LoadKeyAsync(assignmentId, cancellationToken);
        if (key is null)
        {
            throw await repository.StatusAsync(assignmentId, cancellationToken) switch
            {
                null => OmbudRuleViolation.NotFound($"No assignment {assignmentId}."),
                _ => OmbudRuleViolation.State(OmbudRuleViolation.AssignmentClosed,
                    $"Assignment {assignmentId} is closed; its personal data is destroyed and nothing can be added."),
            };
        }
        return plain with { Fingerprint = key.Fingerprint(Encoding.ASCII.GetBytes(plain.Fingerprint)) };
    }
}
