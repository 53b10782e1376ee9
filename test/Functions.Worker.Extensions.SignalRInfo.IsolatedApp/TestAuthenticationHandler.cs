#if ASPNETCORE
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IsolatedApp;

/// <summary>
/// A test authentication scheme: the caller is who the <c>x-test-user</c> header says, with the roles of
/// <c>x-test-roles</c> (comma-separated), an email and an integer <c>tier</c> claim. Stands in for the app's real
/// authentication (JWT bearer, App Service authentication); never use it outside tests.
/// </summary>
public sealed class TestAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = "Test";

    public TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers["x-test-user"].ToString();
        if (user.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity(SchemeName);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user));
        identity.AddClaim(new Claim(ClaimTypes.Email, user + "@contoso.com"));
        identity.AddClaim(new Claim("tier", "2", ClaimValueTypes.Integer));
        foreach (var role in Request.Headers["x-test-roles"].ToString().Split(','))
        {
            if (role.Length > 0)
            {
                identity.AddClaim(new Claim(ClaimTypes.Role, role));
            }
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
#endif
