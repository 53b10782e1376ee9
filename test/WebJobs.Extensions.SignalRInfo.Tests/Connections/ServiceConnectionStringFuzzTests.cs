using System;
using Xunit;
using Xunit.Abstractions;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// Seeded fuzzing of the connection-string parser: random and mutated connection strings only ever give a parsed
/// connection or an ArgumentException whose message names the setting, has no control character and shows no part of
/// a secret (key or client secret). A failure reports its seed and iteration.
/// </summary>
public class ServiceConnectionStringFuzzTests
{
    private const int Iterations = 4000;
    private const string Setting = "FuzzSetting";

    // '+' or '/' every three characters: no 4-character window of it can pass for a key name, which a message may echo.
    private const string Secret = "k3Y+s3c/r3T+v4L/u3Z+q9X/w2e+R5t/";

    private static readonly string[] Corpus =
    {
        "Endpoint=https://contoso.service.signalr.net;AccessKey=" + Secret + ";Version=1.0;",
        "Endpoint=http://localhost;Port=8888;AccessKey=" + Secret + ";Version=1.0;",
        "Endpoint=https://contoso.service.signalr.net;AuthType=azure.app;ClientId=cid;TenantId=tid;ClientSecret=" + Secret + ";Version=1.0;",
        "Endpoint=https://contoso.service.signalr.net;AuthType=azure.msi;ClientId=cid;Version=1.0;",
        "Endpoint=https://contoso.service.signalr.net;ClientEndpoint=https://proxy/x;ServerEndpoint=https://internal:8443;AuthType=azure",
        "Endpoint=https://contoso.service.signalr.net;AccessKey:" + Secret + "=;Version=1.0",
        "Endpoint=https://a;AccessKey=" + Secret + ";" + Secret + "=x;" + Secret + "=y",
    };

    private readonly ITestOutputHelper _output;

    public ServiceConnectionStringFuzzTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(20261201)]
    [InlineData(9)]
    [InlineData(424242)]
    public void Parse_RandomAndMutatedInput_ParsesOrFailsWithACleanArgumentException(int seed)
    {
        _output.WriteLine($"seed {seed}, {Iterations} iterations");
        var fuzz = new FuzzText(seed);
        for (var i = 0; i < Iterations; i++)
        {
            var input = fuzz.Chance(15) ? fuzz.Random(30) : fuzz.Mutate(Corpus[fuzz.Next(Corpus.Length)]);
            try
            {
                var parsed = ServiceConnectionString.Parse(input, Setting);
                Assert.NotNull(parsed.Endpoint);
                Assert.True(parsed.AccessKey is not null ^ parsed.Identity is not null);
                foreach (var key in parsed.UnknownKeys)
                {
                    CheckClean(key);
                }

                if (parsed.Identity is not null)
                {
                    CheckClean(parsed.Identity.Description);
                }
            }
            catch (ArgumentException ex) when (ex.GetType() == typeof(ArgumentException))
            {
                Assert.StartsWith($"The SignalR Service connection string in setting '{Setting}' ", ex.Message);
                CheckClean(ex.Message);
                Assert.Null(ex.InnerException);
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed}, iteration {i}, input \"{FuzzText.Show(input)}\": {ex}");
            }
        }

        void CheckClean(string text)
        {
            Assert.False(FuzzText.HasControlCharacters(text), $"seed {seed}: control character in \"{FuzzText.Show(text)}\"");
            for (var start = 0; start + 4 <= Secret.Length; start++)
            {
                Assert.False(text.Contains(Secret.Substring(start, 4), StringComparison.Ordinal), $"seed {seed}: a part of the secret in \"{FuzzText.Show(text)}\"");
            }
        }
    }
}
