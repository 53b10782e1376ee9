using System.Linq;
using System.Security.Claims;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// Value types as the Azure SignalR SDK (Microsoft.Azure.SignalR 1.34.0) writes them; the benchmark program's input
/// check compares whole payloads with the SDK's own generator.
/// </summary>
public sealed class ClaimListReaderTests
{
    [Theory]
    [InlineData("42", ClaimValueTypes.Integer, "42", true)]
    [InlineData(" +42 ", ClaimValueTypes.Integer64, "42", true)]
    [InlineData("(42)", ClaimValueTypes.Integer, "-42", true)]
    [InlineData("1,000", ClaimValueTypes.Integer, "1000", true)]
    [InlineData("1e2", ClaimValueTypes.Integer, "100", true)]
    [InlineData("1.5", ClaimValueTypes.Integer, "1.5", false)]
    [InlineData("$42", ClaimValueTypes.Integer, "$42", false)]
    [InlineData("9223372036854775808", ClaimValueTypes.Integer, "9223372036854775808", false)]
    [InlineData("2147483648", ClaimValueTypes.Integer32, "2147483648", false)]
    [InlineData("-2147483648", ClaimValueTypes.Integer32, "-2147483648", true)]
    [InlineData("5", ClaimValueTypes.UInteger32, "5", false)]
    [InlineData("True", ClaimValueTypes.Boolean, "true", true)]
    [InlineData(" false", ClaimValueTypes.Boolean, "false", true)]
    [InlineData("1", ClaimValueTypes.Boolean, "1", false)]
    [InlineData("1e3", ClaimValueTypes.Double, "1000.0", true)]
    [InlineData("1.50", ClaimValueTypes.Double, "1.5", true)]
    [InlineData("-0", ClaimValueTypes.Double, "-0.0", true)]
    [InlineData("1e20", ClaimValueTypes.Double, "1E+20", true)]
    [InlineData("1.5e-7", ClaimValueTypes.Double, "1.5E-07", true)]
    [InlineData("1e16", ClaimValueTypes.Double, "10000000000000000.0", true)]
    [InlineData("1e400", ClaimValueTypes.Double, "Infinity", false)]
    [InlineData("NaN", ClaimValueTypes.Double, "NaN", false)]
    [InlineData("2.5", "http://www.w3.org/2001/XMLSchema#decimal", "2.5", false)]
    [InlineData("text", ClaimValueTypes.String, "text", false)]
    public void Value_KeepsTheJsonTypeOfTheClaimValueType(string text, string valueType, string expected, bool isJson)
    {
        var value = ClaimListReader.Value(text, valueType);

        Assert.Equal(expected, value.Text);
        Assert.Equal(isJson, value.IsJson);
    }

    [Fact]
    public void Read_LongClaimTypes_GetTheirShortJwtNamesExactly()
    {
        var claims = ClaimListReader.Read(new[]
        {
            new Claim(ClaimTypes.NameIdentifier, "1"),
            new Claim(ClaimTypes.Name, "2"),
            new Claim(ClaimTypes.Role, "3"),
            new Claim(ClaimTypes.Email, "4"),
            new Claim(ClaimTypes.Name.ToUpperInvariant(), "5"),
            new Claim("http://schemas.xmlsoap.org/ws/2009/09/identity/claims/actor", "6"),
        });

        // actort is a reserved name once shortened: renamed as every reserved name is.
        Assert.Equal(new[] { "nameid", "unique_name", "role", "email", ClaimTypes.Name.ToUpperInvariant(), "asrs.u.actort" }, Types(claims));
    }

    [Fact]
    public void Read_NoClaims_IsEmpty()
    {
        Assert.Equal(0, ClaimListReader.Read(null).Count);
        Assert.Equal(0, ClaimListReader.Read(System.Array.Empty<Claim>()).Count);
        Assert.Equal(0, ClaimListReader.Read(new[] { new Claim("asrs.s.uid", "x") }).Count);
    }

    public static TheoryData<string, Claim[]> NotPlain => new()
    {
        { "a typed value", new[] { new Claim("age", "42", ClaimValueTypes.Integer) } },
        { "a long type with a short name", new[] { new Claim(ClaimTypes.Role, "admin") } },
        { "a service claim", new[] { new Claim("name", "n"), new Claim("ASRS.s.uid", "x") } },
        { "a reserved name", new[] { new Claim("Nonce", "n") } },
        { "a repeated type", new[] { new Claim("role", "a"), new Claim("name", "n"), new Claim("role", "b") } },
        { "a second sub", new[] { new Claim("sub", "a"), new Claim("SUB", "b") } },
        { "more than eight", System.Linq.Enumerable.Range(0, 9).Select(i => new Claim("c" + i, "v")).ToArray() },
        { "a null claim", new[] { new Claim("name", "n"), null! } },
    };

    [Theory]
    [MemberData(nameof(NotPlain))]
    public void IsPlain_ListsTheRulesChange_AreCopied(string why, Claim[] claims)
    {
        Assert.False(ClaimListReader.IsPlain(claims), why);
    }

    [Fact]
    public void Read_ListNoRuleTouches_IsWrittenAsItIs()
    {
        var claims = new[] { new Claim("name", "Ada"), new Claim("role", "admin"), new Claim("sub", "s"), new Claim("when", "2026-01-01", ClaimValueTypes.DateTime), new Claim("http://contoso/claims/tier", "gold") };

        var read = ClaimListReader.Read(claims);

        Assert.True(ClaimListReader.IsPlain(claims));
        Assert.Equal(new[] { "name", "role", "sub", "when", "http://contoso/claims/tier" }, Types(read));
        Assert.Equal(new[] { "Ada", "admin", "s", "2026-01-01", "gold" }, Enumerable.Range(0, read.Count).Select(i => read.ValueAt(i, 0).Text));
        Assert.All(Enumerable.Range(0, read.Count), i => Assert.False(read.ValueAt(i, 0).IsJson));
    }

    [Fact]
    public void Read_CallerChangesItsArrayAfterwards_TheClaimsReadStay()
    {
        // An identity connection may wait for its key before writing: what was checked is what is written.
        var claims = new[] { new Claim("name", "Ada") };
        var read = ClaimListReader.Read(claims);

        claims[0] = new Claim("asrs.s.uid", "victim");

        Assert.Equal(new[] { "name" }, Types(read));
    }

    [Fact]
    public void Read_NullClaim_NamesItsPosition()
    {
        var error = Assert.Throws<System.ArgumentException>(() => ClaimListReader.Read(new[] { new Claim("a", "1"), null! }));

        Assert.StartsWith(ErrorMessages.Format(ErrorMessages.NegotiatorNullClaim, 1), error.Message);
    }

    private static string[] Types(TokenClaims claims) => Enumerable.Range(0, claims.Count).Select(claims.TypeAt).ToArray();
}
