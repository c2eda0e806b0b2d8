using Microsoft.IdentityModel.Tokens;

namespace Samverkan.ServiceDefaults.Keycloak;

// JwtBearer's token handler with a ValidatedTokenCache in front: a token seen valid before (and
// not yet expired) is accepted without repeating the validation; everything else goes to the
// real handler, whose verdict (and error) is returned unchanged.
public sealed class CachingTokenHandler(TokenHandler inner, ValidatedTokenCache cache) : TokenHandler
{
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (cache.TryGet(token, out var cached))
        {
            return cached;
        }
        var result = await inner.ValidateTokenAsync(token, validationParameters);
        cache.Add(token, result);
        return result;
    }

    public override Task<TokenValidationResult> ValidateTokenAsync(SecurityToken token, TokenValidationParameters validationParameters) =>
        inner.ValidateTokenAsync(token, validationParameters);

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public override int MaximumTokenSizeInBytes
    {
        get => inner.MaximumTokenSizeInBytes;
        set => inner.MaximumTokenSizeInBytes = value;
    }
}
