using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WebJobs.Extensions.SignalRInfo.LocalService;
using Xunit;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>Validates an access token independently (Microsoft.IdentityModel), as the service would: HS256 with the UTF-8 key bytes, audience, lifetime.</summary>
internal static class Tokens
{
    public static async Task<JsonWebToken> ValidAsync(string token, LocalSignalRService service, string hub)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(service.AccessKey)),
            ValidAlgorithms = new[] { SecurityAlgorithms.HmacSha256 },
            ValidAudience = service.GetAudience(hub),
            ValidIssuer = "azure-signalr",
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        Assert.True(result.IsValid, "token rejected: " + result.Exception);
        return (JsonWebToken)result.SecurityToken;
    }

    /// <summary>An unsigned ID token with these claims (the binding decodes, never validates, it).</summary>
    public static string IdToken(string payloadJson)
    {
        static string B64(string s) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(s));
        return B64("""{"alg":"none","typ":"JWT"}""") + "." + B64(payloadJson) + ".";
    }
}
