using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SignalRInfo.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// Identity connections against a real key endpoint on 127.0.0.1, with a fake TokenCredential and a fake clock:
/// the key exchange, sharing, background refresh, expiry, every fault's message, and recovery.
/// </summary>
public sealed class IdentityConnectionTests : IAsyncLifetime
{
    private const string Setting = "AzureSignalRConnectionString";
    private const string IssuedKey = "ISSUED-KEY-RECOGNISABLE-0123456789abcdefghij";
    private const string NextKey = "NEXT-ISSUED-KEY-RECOGNISABLE-9876543210zyxw";
    private const string ManagedIdentity = "ManagedIdentityCredential (system-assigned)";

    private readonly ITestOutputHelper _output;
    private readonly KeyEndpointServer _server = KeyEndpointServer.Start();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly FakeCredentialFactory _credentials = new();
    private readonly IdentityKeyPolicy _policy = new() { FirstRetryDelay = TimeSpan.Zero };
    private readonly ILoggerFactory _loggerFactory;
    private readonly IdentityKeyClient _client;
    private readonly IdentityKeyProviderRegistry _registry;

    public IdentityConnectionTests(ITestOutputHelper output)
    {
        _output = output;
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        _client = new IdentityKeyClient(_time);
        _registry = new IdentityKeyProviderRegistry(_client, _policy, _time, _loggerFactory);
        _server.Reply(KeyReply.Key("kid-1", IssuedKey));
    }

    private string ConnectionString => $"Endpoint=http://127.0.0.1;Port={_server.Port};AuthType=azure.msi;Version=1.0;";

    private Uri AccessKeyUri => new(_server.BaseUrl + KeyEndpointServer.KeyPath);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _registry.Dispose();
        _client.Dispose();
        await _server.DisposeAsync();
        _loggerFactory.Dispose();
    }

    [Fact]
    public async Task GetSigningKeyAsync_KeyEndpointAnswers_TokenVerifiesWithIssuedKeyAndKidIsKeyId()
    {
        var connection = Connect();

        var key = await connection.GetSigningKeyAsync(CancellationToken.None);

        Assert.Equal("kid-1", key.KeyId);
        var token = AccessTokenWriter.Write(key, connection.Endpoint.AudiencePrefix, "chat", "ann", default, _time.GetUtcNow().ToUnixTimeSeconds(), 3600);
        var jwt = await TokenAssert.ValidAsync(token, IssuedKey, "http://127.0.0.1/client/?hub=chat", _time.GetUtcNow());
        Assert.Equal("kid-1", jwt.Kid);
        Assert.Equal("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"kid-1\"}", TokenAssert.DecodePart(token, 0));
        var request = Assert.Single(_server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(KeyEndpointServer.KeyPath, request.Path);
        Assert.Equal(string.Empty, request.Query);
        Assert.Equal("Bearer " + FakeTokenCredential.TokenValue, request.Authorization);
        Assert.Equal(new[] { "https://signalr.azure.com/.default" }, Assert.Single(_credentials.Credential.Scopes));
        Assert.Equal(IdentityCredentialKind.ManagedIdentity, Assert.Single(_credentials.Requests).Spec.Kind);
    }

    [Fact]
    public async Task GetConnection_IdentityConnection_FetchesTheKeyInTheBackgroundAtOnce()
    {
        var connection = Connect();

        await connection.Provider.WhenIdleAsync();

        Assert.Equal(1, _server.RequestCount);
        var pending = connection.GetSigningKeyAsync(CancellationToken.None);
        Assert.True(pending.IsCompletedSuccessfully);
        Assert.Equal(1, _server.RequestCount);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 14 && e.Message.Contains(ManagedIdentity, StringComparison.Ordinal));
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 11 && e.Message.Contains("'kid-1'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetSigningKeyAsync_ServerEndpoint_KeyRequestGoesThereAndAudienceStaysOnEndpoint()
    {
        var connection = Connect($"Endpoint=https://contoso.service.signalr.net;ServerEndpoint={_server.BaseUrl};AuthType=azure");

        var key = await connection.GetSigningKeyAsync(CancellationToken.None);

        Assert.Equal(1, _server.RequestCount);
        var token = AccessTokenWriter.Write(key, connection.Endpoint.AudiencePrefix, "chat", null, default, _time.GetUtcNow().ToUnixTimeSeconds(), 3600);
        await TokenAssert.ValidAsync(token, IssuedKey, "https://contoso.service.signalr.net/client/?hub=chat", _time.GetUtcNow());
    }

    [Fact]
    public async Task GetKeyAsync_ThousandConcurrentColdCallers_OneKeyRequest()
    {
        var provider = _registry.GetProvider(AccessKeyUri, "test", () => (_credentials.Credential, "fake"));
        var held = new HeldReply();
        _server.Responder = _ => held.WaitAsync(_server.Stopping);
        var go = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, 1000).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            return await provider.GetKeyAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        })).ToArray();

        go.SetResult(true);
        await _server.WaitForRequestsAsync(1);
        await Task.Delay(100); // lets every caller join the in-flight fetch before it is answered
        held.Release(KeyReply.Key("kid-1", IssuedKey));
        var keys = await Task.WhenAll(callers);

        Assert.All(keys, k => Assert.Equal("kid-1", k.KeyId));
        Assert.Equal(1, _server.RequestCount);
        _output.WriteLine($"MEASURE key requests for 1000 concurrent cold callers: {_server.RequestCount}");
    }

    [Fact]
    public async Task GetSigningKeyAsync_KeyOlderThan55Minutes_RefreshesInTheBackgroundWhileCallersSignWithTheOldKey()
    {
        var connection = Connect();
        await connection.Provider.WhenIdleAsync();
        var held = new HeldReply();
        _server.Responder = n => n == 1 ? Task.FromResult(KeyReply.Key("kid-1", IssuedKey)) : held.WaitAsync(_server.Stopping);

        _time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal(1, _server.RequestCount);
        _time.Advance(TimeSpan.FromMinutes(1));
        await _server.WaitForRequestsAsync(2);

        for (var i = 0; i < 100; i++)
        {
            var pending = connection.GetSigningKeyAsync(CancellationToken.None);
            Assert.True(pending.IsCompletedSuccessfully, "a caller with a usable key must not wait for the refresh");
            Assert.Equal("kid-1", (await pending).KeyId);
        }

        held.Release(KeyReply.Key("kid-2", NextKey));
        await connection.Provider.WhenIdleAsync();
        var key = await connection.GetSigningKeyAsync(CancellationToken.None);

        Assert.Equal("kid-2", key.KeyId);
        Assert.Equal(2, _server.RequestCount);
        var token = AccessTokenWriter.Write(key, connection.Endpoint.AudiencePrefix, "chat", null, default, _time.GetUtcNow().ToUnixTimeSeconds(), 3600);
        Assert.Equal("kid-2", (await TokenAssert.ValidAsync(token, NextKey, "http://127.0.0.1/client/?hub=chat", _time.GetUtcNow())).Kid);
    }

    [Fact]
    public async Task GetSigningKeyAsync_NoSuccessfulRefreshFor120Minutes_KeyIsUnusableAndCallersGetTheCause()
    {
        var connection = Connect();
        await connection.Provider.WhenIdleAsync();
        _server.Reply(KeyReply.Error(403));

        _time.Advance(TimeSpan.FromMinutes(55));
        await connection.Provider.WhenIdleAsync();
        Assert.Equal(2, _server.RequestCount);
        Assert.Equal("kid-1", (await connection.GetSigningKeyAsync(CancellationToken.None)).KeyId);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 13 && e.Level == LogLevel.Warning && e.Message.Contains(ErrorMessages.KeyFailureKeepsCurrentKey, StringComparison.Ordinal));

        _time.Advance(TimeSpan.FromMinutes(64));
        await connection.Provider.WhenIdleAsync();
        Assert.Equal("kid-1", (await connection.GetSigningKeyAsync(CancellationToken.None)).KeyId);
        _time.Advance(TimeSpan.FromMinutes(1));
        await connection.Provider.WhenIdleAsync();

        var error = await Assert.ThrowsAsync<IdentityKeyUnavailableException>(() => connection.GetSigningKeyAsync(CancellationToken.None).AsTask());
        Assert.StartsWith(Expected(ErrorMessages.KeyStatusForbidden), error.Message);

        _server.Reply(KeyReply.Key("kid-2", NextKey));
        _time.Advance(_policy.FailureBackoff);
        Assert.Equal("kid-2", (await connection.GetSigningKeyAsync(CancellationToken.None)).KeyId);
    }

    public static TheoryData<string, int, string?, string, int> Faults => new()
    {
        { "401", 401, "{}", ErrorMessages.KeyStatusUnauthorized, 1 },
        { "403", 403, "{}", ErrorMessages.KeyStatusForbidden, 1 },
        { "404", 404, null, ErrorMessages.KeyStatusNotFound, 1 },
        { "500 retried", 500, "{}", ErrorMessages.Format(ErrorMessages.KeyStatusServiceError, 500, "InternalServerError"), 3 },
        { "503 retried", 503, null, ErrorMessages.Format(ErrorMessages.KeyStatusServiceError, 503, "ServiceUnavailable"), 3 },
        { "redirect", 302, null, ErrorMessages.Format(ErrorMessages.KeyStatusRedirect, 302), 1 },
        { "400", 400, null, ErrorMessages.Format(ErrorMessages.KeyStatusUnexpected, 400, "BadRequest"), 1 },
        { "malformed JSON", 200, "{\"KeyId\":\"kid\",\"AccessKey\":\"" + IssuedKey, ErrorMessages.KeyResponseNotJson, 1 },
        { "HTML", 200, "<html>" + IssuedKey + "</html>", ErrorMessages.KeyResponseNotJson, 1 },
        { "JSON array", 200, "[\"" + IssuedKey + "\"]", ErrorMessages.KeyResponseNotJson, 1 },
        { "camelCase", 200, "{\"keyId\":\"kid\",\"accessKey\":\"" + IssuedKey + "\"}", ErrorMessages.KeyResponseCamelCase, 1 },
        { "no AccessKey", 200, "{\"KeyId\":\"kid\"}", ErrorMessages.Format(ErrorMessages.KeyResponseFieldMissing, "AccessKey"), 1 },
        { "empty KeyId", 200, "{\"KeyId\":\"\",\"AccessKey\":\"" + IssuedKey + "\"}", ErrorMessages.Format(ErrorMessages.KeyResponseFieldMissing, "KeyId"), 1 },
        { "numeric KeyId", 200, "{\"KeyId\":5,\"AccessKey\":\"" + IssuedKey + "\"}", ErrorMessages.Format(ErrorMessages.KeyResponseFieldMissing, "KeyId"), 1 },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task GetSigningKeyAsync_KeyEndpointFault_FailsWithItsCauseAndRecoversWhenFixed(string name, int status, string? body, string cause, int requests)
    {
        _server.Reply(new KeyReply(status, body));
        var connection = Connect();
        await connection.Provider.WhenIdleAsync();

        var error = await Assert.ThrowsAsync<IdentityKeyUnavailableException>(() => connection.GetSigningKeyAsync(CancellationToken.None).AsTask());

        Assert.True(Expected(cause + " " + ErrorMessages.Format(ErrorMessages.KeyRetryAfterBackoff, 5)) == error.Message, name + ": " + error.Message);
        Assert.Equal(requests, _server.RequestCount);
        var warning = Assert.Single(_logs.Entries, e => e.EventId.Id == 13);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(cause, warning.Message, StringComparison.Ordinal);
        AssertNoSecret(error.ToString());
        AssertNoSecret(_logs.AllText);

        _server.Reply(KeyReply.Key("kid-2", NextKey));
        _time.Advance(_policy.FailureBackoff);
        var key = await connection.GetSigningKeyAsync(CancellationToken.None);

        Assert.Equal("kid-2", key.KeyId);
        Assert.Equal(requests + 1, _server.RequestCount);
    }

    [Fact]
    public async Task GetSigningKeyAsync_WithinBackoffAfterAFailure_FailsAtOnceWithoutANewRequest()
    {
        _server.Reply(KeyReply.Error(403));
        var connection = Connect();
        await connection.Provider.WhenIdleAsync();

        _time.Advance(TimeSpan.FromSeconds(3));
        var error = await Assert.ThrowsAsync<IdentityKeyUnavailableException>(() => connection.GetSigningKeyAsync(CancellationToken.None).AsTask());
        Assert.Equal(Expected(ErrorMessages.KeyStatusForbidden + " " + ErrorMessages.Format(ErrorMessages.KeyRetryAfterBackoff, 2)), error.Message);
        Assert.Equal(1, _server.RequestCount);

        _time.Advance(TimeSpan.FromSeconds(2));
        error = await Assert.ThrowsAsync<IdentityKeyUnavailableException>(() => connection.GetSigningKeyAsync(CancellationToken.None).AsTask());
        Assert.Equal(Expected(ErrorMessages.KeyStatusForbidden), error.Message);
        Assert.Equal(2, _server.RequestCount);
    }

    [Fact]
    public async Task GetSigningKeyAsync_CredentialThrows_NamesTheCredentialFailureWithItsMessageAndRecovers()
    {
        _credentials.Credential.Failure = new CredentialUnavailableException("ManagedIdentityCredential authentication unavailable. No response received from the managed identity endpoint.");
        var connection = Connect();
        await connection.Provider.WhenIdleAsync();
        _time.Advance(_policy.FailureBackoff);

        var error = await Assert.ThrowsAsync<IdentityKeyUnavailableException>(() => connection.GetSigningKeyAsync(CancellationToken.None).AsTask());

        var cause = ErrorMessages.Format(ErrorMessages.KeyCredentialFailed, "CredentialUnavailableException", "ManagedIdentityCredential authentication unavailable. No response received from the managed identity endpoint");
        Assert.Equal(Expected(cause), error.Message);
        Assert.IsType<CredentialUnavailableException>(error.InnerException!.InnerException);
        Assert.Equal(0, _server.RequestCount);

        _credentials.Credential.Failure = null;
        _time.Advance(_policy.FailureBackoff);
        Assert.Equal("kid-1", (await connection.GetSigningKeyAsync(CancellationToken.None)).KeyId);
    }

    [Fact]
    public async Task GetSigningKeyAsync_CredentialNeverAnswers_TimesOutPerAttemptNamesTheCredentialAndRecovers()
    {
        // A credential that ignores its cancellation token must not hold the fetch (and every later one) for good.
        var hang = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _credentials.Credential.Hang = hang;
        var connection = Connect();
        for (var attempt = 1; attempt <= _policy.MaxAttempts; attempt++)
        {
            await WaitUntilAsync(() => _credentials.Credential.Scopes.Count == attempt);
            _time.Advance(_policy.CredentialTimeout);
        }

        await connection.Provider.WhenIdleAsync();
        var error = await Assert.ThrowsAsync<IdentityKeyUnavailableException>(() => connection.GetSigningKeyAsync(CancellationToken.None).AsTask());

        var cause = ErrorMessages.Format(ErrorMessages.KeyCredentialTimedOut, nameof(FakeTokenCredential), TimeSpan.FromSeconds(60));
        Assert.StartsWith(Expected(cause), error.Message, StringComparison.Ordinal);
        Assert.Contains("did not return a Microsoft Entra ID token for scope 'https://signalr.azure.com/.default' within 00:01:00", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.RequestCount);
        Assert.Equal(_policy.MaxAttempts, _credentials.Credential.Scopes.Count);
        AssertNoSecret(error.ToString());
        AssertNoSecret(_logs.AllText);

        _credentials.Credential.Hang = null;
        hang.SetResult(true); // the abandoned requests answer late: their outcome is dropped
        _time.Advance(_policy.FailureBackoff);
        Assert.Equal("kid-1", (await connection.GetSigningKeyAsync(CancellationToken.None)).KeyId);
        Assert.Equal(1, _server.RequestCount);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var real = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(real.Elapsed < TimeSpan.FromSeconds(30), "condition not met within 30 s");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task GetSigningKeyAsync_EndpointRefusesConnections_SaysTheRequestFailedAfterRetries()
    {
        var connection = Connect($"Endpoint=http://127.0.0.1;Port={KeyEndpointServer.FreePort()};AuthType=azure.msi");
        await connection.Provider.WhenIdleAsync();
        _time.Advance(_policy.FailureBackoff);

        var error = await Assert.ThrowsAsync<IdentityKeyUnavailableException>(() => connection.GetSigningKeyAsync(CancellationToken.None).AsTask());

        var prefix = ErrorMessages.KeyRequestFailed.Substring(0, ErrorMessages.KeyRequestFailed.IndexOf('{'));
        Assert.Contains(prefix, error.Message, StringComparison.Ordinal);
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("'" + Setting + "'", error.Message, StringComparison.Ordinal);
        Assert.Equal(2 * _policy.MaxAttempts, _logs.Entries.Count(e => e.EventId.Id == 12) + _logs.Entries.Count(e => e.EventId.Id == 13));
    }

    [Fact]
    public async Task GetSigningKeyAsync_EndpointSlowerThanTheWait_FailsAfterTheWaitAndLaterNegotiateRecovers()
    {
        var held = new HeldReply();
        _server.Responder = _ => held.WaitAsync(_server.Stopping);
        _policy.AttemptTimeout = TimeSpan.FromMinutes(10);
        var connection = Connect(options: new SignalRInfoOptions { IdentityKeyWaitTimeout = TimeSpan.FromSeconds(30) });
        await _server.WaitForRequestsAsync(1);

        var waiting = connection.GetSigningKeyAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<IdentityKeyUnavailableException>(() => waiting);

        Assert.Equal(Expected(ErrorMessages.Format(ErrorMessages.KeyWaitTimedOut, TimeSpan.FromSeconds(30), ErrorMessages.KeyStillPending, "SignalRInfoOptions.IdentityKeyWaitTimeout (host.json 'extensions:signalRInfo:identityKeyWaitTimeout')")), error.Message);
        held.Release(KeyReply.Key("kid-1", IssuedKey));
        await connection.Provider.WhenIdleAsync();
        Assert.Equal("kid-1", (await connection.GetSigningKeyAsync(CancellationToken.None)).KeyId);
        Assert.Equal(1, _server.RequestCount);
    }

    [Fact]
    public async Task GetSigningKeyAsync_EveryAttemptTimesOut_SaysSoAfterTheRetries()
    {
        _server.Responder = _ => new HeldReply().WaitAsync(_server.Stopping);
        var connection = Connect(options: new SignalRInfoOptions { IdentityKeyWaitTimeout = TimeSpan.FromMinutes(5) });
        await _server.WaitForRequestsAsync(1);
        var waiting = connection.GetSigningKeyAsync(CancellationToken.None).AsTask();

        for (var attempt = 1; attempt <= _policy.MaxAttempts; attempt++)
        {
            await _server.WaitForRequestsAsync(attempt);
            _time.Advance(_policy.AttemptTimeout);
        }

        var error = await Assert.ThrowsAsync<IdentityKeyUnavailableException>(() => waiting);
        Assert.Equal(Expected(ErrorMessages.Format(ErrorMessages.KeyRequestTimedOut, _policy.AttemptTimeout)), error.Message);
        Assert.Equal(_policy.MaxAttempts, _server.RequestCount);
    }

    [Fact]
    public async Task GetSigningKeyAsync_CallerCancels_StopsWaitingButTheFetchGoesOn()
    {
        var held = new HeldReply();
        _server.Responder = _ => held.WaitAsync(_server.Stopping);
        var connection = Connect();
        await _server.WaitForRequestsAsync(1);
        using var cancellation = new CancellationTokenSource();

        var waiting = connection.GetSigningKeyAsync(cancellation.Token).AsTask();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Release(KeyReply.Key("kid-1", IssuedKey));
        await connection.Provider.WhenIdleAsync();
        Assert.Equal("kid-1", (await connection.GetSigningKeyAsync(CancellationToken.None)).KeyId);
        Assert.Equal(1, _server.RequestCount);
    }

    [Fact]
    public async Task GetConnection_TwoSettingsSameEndpointAndCredential_ShareOneKey()
    {
        var resolver = Resolver(new Dictionary<string, string?>
        {
            ["First"] = ConnectionString,
            ["Second"] = ConnectionString + "ClientEndpoint=https://proxy.contoso.com",
            ["Third"] = ConnectionString.Replace("AuthType=azure.msi", "AuthType=azure.msi;ClientId=user-assigned-id", StringComparison.Ordinal),
        });

        var first = (IdentityConnection)resolver.GetConnection("First");
        var second = (IdentityConnection)resolver.GetConnection("Second");
        var third = (IdentityConnection)resolver.GetConnection("Third");
        await first.Provider.WhenIdleAsync();
        await third.Provider.WhenIdleAsync();

        Assert.Same(first.Provider, second.Provider);
        Assert.NotSame(first.Provider, third.Provider);
        Assert.Equal("ManagedIdentityCredential (user-assigned, client id user-assigned-id)", third.CredentialDescription);
        Assert.Equal(2, _server.RequestCount);
    }

    [Fact]
    public async Task GetConnection_Section_UsesServiceUriAndEndpointsAndTheSectionCredential()
    {
        var resolver = Resolver(new Dictionary<string, string?>
        {
            [Setting + ":serviceUri"] = "http://127.0.0.1:" + _server.Port,
            [Setting + ":clientEndpoint"] = "https://proxy.contoso.com",
            [Setting + ":credential"] = "managedidentity",
        });

        var connection = (IdentityConnection)resolver.GetConnection(Setting);
        var key = await connection.GetSigningKeyAsync(CancellationToken.None);

        Assert.Equal("kid-1", key.KeyId);
        Assert.Equal("https://proxy.contoso.com/client/?hub=chat", connection.Endpoint.GetClientUrl("chat"));
        Assert.Equal("http://127.0.0.1/client/?hub=", connection.Endpoint.AudiencePrefix);
        Assert.Equal(AccessKeyUri, connection.Endpoint.AccessKeyUri);
        var (spec, path) = Assert.Single(_credentials.Requests);
        Assert.Equal(IdentityCredentialKind.ConfigurationSection, spec.Kind);
        Assert.Equal(Setting, path);
        Assert.Equal("FakeTokenCredential built by AzureComponentFactory from configuration section '" + Setting + "'", connection.CredentialDescription);
    }

    [Theory]
    [InlineData("serviceUri", "not a url")]
    [InlineData("serviceUri", "ftp://a.b")]
    [InlineData("serverEndpoint", "https://a.b/?x=1")]
    [InlineData("clientEndpoint", "relative/path")]
    public void GetConnection_SectionWithInvalidUrl_NamesTheEntry(string entry, string value)
    {
        var settings = new Dictionary<string, string?> { [Setting + ":serviceUri"] = "https://a.service.signalr.net" };
        settings[Setting + ":" + entry] = value;

        var error = Assert.Throws<ArgumentException>(() => Resolver(settings).GetConnection(Setting));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.SectionInvalidUri, Setting, entry), error.Message);
    }

    [Fact]
    public void GetConnection_CredentialFactoryThrows_NamesSettingAndCredential()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [Setting] = ConnectionString }).Build();
        var resolver = new ServiceConnectionResolver(configuration, _loggerFactory, _registry, new ThrowingCredentialFactory(), new SignalRInfoOptions().ToSettings());

        var error = Assert.Throws<InvalidOperationException>(() => resolver.GetConnection(Setting));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.CredentialCreationFailed, Setting, ManagedIdentity, "bad credential settings"), error.Message);
    }

    [Fact]
    public async Task Failures_WithRecognisableTokenKeyAndSecret_NeverShowThem()
    {
        var connectionString = $"Endpoint=http://127.0.0.1;Port={_server.Port};AuthType=azure.app;ClientId=cid;TenantId=tid;ClientSecret=CLIENT-SECRET-RECOGNISABLE-77";
        var errors = new List<Exception>();
        foreach (var reply in new[] { KeyReply.Error(401), new KeyReply(200, "{\"keyId\":\"k\",\"accessKey\":\"" + IssuedKey + "\"}"), new KeyReply(200, "{\"KeyId\":\"k\",\"AccessKey\":\"" + IssuedKey), KeyReply.Error(500) })
        {
            _server.Reply(reply);
            _time.Advance(_policy.FailureBackoff);
            var connection = Connect(connectionString);
            await connection.Provider.WhenIdleAsync();
            errors.Add(await Assert.ThrowsAsync<IdentityKeyUnavailableException>(() => connection.GetSigningKeyAsync(CancellationToken.None).AsTask()));
        }

        _server.Reply(KeyReply.Key("kid-ok", IssuedKey));
        _time.Advance(_policy.FailureBackoff);
        var key = await Connect(connectionString).GetSigningKeyAsync(CancellationToken.None);

        Assert.Equal("kid-ok", key.KeyId);
        Assert.DoesNotContain(IssuedKey, key.ToString());
        foreach (var text in errors.Select(e => e.ToString()).Append(_logs.AllText))
        {
            AssertNoSecret(text);
            Assert.DoesNotContain("CLIENT-SECRET-RECOGNISABLE", text);
        }

        Assert.Contains("ClientSecretCredential (client id cid, tenant tid)", errors[0].Message);
    }

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(FakeTokenCredential.TokenValue, text);
        Assert.DoesNotContain(IssuedKey, text);
        Assert.DoesNotContain(NextKey, text);
    }

    private string Expected(string cause, string credential = ManagedIdentity) =>
        ErrorMessages.Format(ErrorMessages.IdentityKeyUnavailable, Setting, AccessKeyUri, credential, cause);

    private IdentityConnection Connect(string? connectionString = null, SignalRInfoOptions? options = null) =>
        (IdentityConnection)Resolver(new Dictionary<string, string?> { [Setting] = connectionString ?? ConnectionString }, options).GetConnection(Setting);

    private ServiceConnectionResolver Resolver(Dictionary<string, string?> settings, SignalRInfoOptions? options = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceConnectionResolver(configuration, _loggerFactory, _registry, _credentials, (options ?? new SignalRInfoOptions()).ToSettings());
    }

    private sealed class ThrowingCredentialFactory : IServiceCredentialFactory
    {
        public Azure.Core.TokenCredential CreateCredential(IdentityCredentialSpec spec, IConfiguration? section) => throw new ArgumentException("bad credential settings.");
    }

    [Theory]
    [InlineData("http://contoso.service.signalr.net", null, "serviceUri")]
    [InlineData("https://contoso.service.signalr.net", "http://internal.contoso.com", "serverEndpoint")]
    public void GetConnection_SectionOverPlainHttp_NamesTheEntryAndSendsNoToken(string serviceUri, string? serverEndpoint, string entry)
    {
        var settings = new Dictionary<string, string?> { [Setting + ":serviceUri"] = serviceUri, [Setting + ":serverEndpoint"] = serverEndpoint };

        var error = Assert.Throws<ArgumentException>(() => Resolver(settings).GetConnection(Setting));

        Assert.Equal(ErrorMessages.Format(ErrorMessages.SectionRequiresHttps, Setting, entry), error.Message);
        Assert.Empty(_credentials.Credential.Scopes);
    }

    [Fact]
    public async Task RefreshTimer_FiringEarlyByTheWallClock_StillRefreshesAndKeepsTheKeyAlive()
    {
        // System timers run on the monotonic clock and may fire milliseconds before GetUtcNow() says the key is 55 minutes old.
        var early = new EarlyTimerTimeProvider(_time.GetUtcNow(), TimeSpan.FromMilliseconds(3));
        using var client = new IdentityKeyClient(early);
        using var registry = new IdentityKeyProviderRegistry(client, _policy, early, _loggerFactory);
        var provider = registry.GetProvider(AccessKeyUri, "early-timers", () => (_credentials.Credential, "fake"));
        provider.StartFetch(background: true);
        await provider.WhenIdleAsync();
        Assert.Equal(1, _server.RequestCount);

        early.Advance(_policy.RefreshAge - early.Early);
        await _server.WaitForRequestsAsync(2);
        await provider.WhenIdleAsync();
        early.Advance(_policy.RefreshAge);
        await _server.WaitForRequestsAsync(3);
        await provider.WhenIdleAsync();

        // 110 minutes after the first key and 130 minutes in: an idle app still holds a usable key.
        early.Advance(_policy.KeyLifetime - _policy.RefreshAge - _policy.RefreshAge + TimeSpan.FromMinutes(10));
        Assert.True(provider.GetKeyAsync(TimeSpan.FromSeconds(1), CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task RetryTimer_FiringEarlyByTheWallClock_StillRetriesTheFailedRefresh()
    {
        var early = new EarlyTimerTimeProvider(_time.GetUtcNow(), TimeSpan.FromMilliseconds(3));
        using var client = new IdentityKeyClient(early);
        using var registry = new IdentityKeyProviderRegistry(client, _policy, early, _loggerFactory);
        var provider = registry.GetProvider(AccessKeyUri, "early-timers", () => (_credentials.Credential, "fake"));
        provider.StartFetch(background: true);
        await provider.WhenIdleAsync();
        _server.Reply(KeyReply.Error(403));
        early.Advance(_policy.RefreshAge);
        await _server.WaitForRequestsAsync(2);
        await provider.WhenIdleAsync();
        _server.Reply(KeyReply.Key("kid-2", NextKey));

        early.Advance(_policy.RefreshRetryInterval - early.Early);
        await _server.WaitForRequestsAsync(3);
        await provider.WhenIdleAsync();

        Assert.Equal("kid-2", (await provider.GetKeyAsync(TimeSpan.FromSeconds(1), CancellationToken.None)).KeyId);
    }

    [Fact]
    public async Task GetConnection_SettingChangedToAnotherCredential_TheOldProviderStopsRefreshing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [Setting] = ConnectionString }).Build();
        var resolver = new ServiceConnectionResolver(configuration, _loggerFactory, _registry, _credentials, new SignalRInfoOptions().ToSettings());
        var before = (IdentityConnection)resolver.GetConnection(Setting);
        await before.Provider.WhenIdleAsync();

        configuration[Setting] = ConnectionString + "ClientId=rotated-identity;";
        configuration.Reload();
        var after = (IdentityConnection)resolver.GetConnection(Setting);
        await after.Provider.WhenIdleAsync();
        Assert.NotSame(before.Provider, after.Provider);
        Assert.Equal(2, _server.RequestCount);

        _time.Advance(_policy.RefreshAge);
        await before.Provider.WhenIdleAsync();
        await after.Provider.WhenIdleAsync();

        Assert.Equal(3, _server.RequestCount);
    }

    [Fact]
    public async Task GetConnection_OneOfTwoSettingsSharingAProviderChanges_TheProviderKeepsRefreshingForTheOther()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [Setting] = ConnectionString, ["Other"] = ConnectionString }).Build();
        var resolver = new ServiceConnectionResolver(configuration, _loggerFactory, _registry, _credentials, new SignalRInfoOptions().ToSettings());
        var shared = (IdentityConnection)resolver.GetConnection(Setting);
        Assert.Same(shared.Provider, ((IdentityConnection)resolver.GetConnection("Other")).Provider);
        await shared.Provider.WhenIdleAsync();

        configuration[Setting] = "Endpoint=https://contoso.service.signalr.net;AccessKey=" + IssuedKey;
        configuration.Reload();
        Assert.IsType<AccessKeyConnection>(resolver.GetConnection(Setting));
        _time.Advance(_policy.RefreshAge);
        await shared.Provider.WhenIdleAsync();

        Assert.Equal(2, _server.RequestCount);
        Assert.Equal("kid-1", (await resolver.GetConnection("Other").GetSigningKeyAsync(CancellationToken.None)).KeyId);
    }
}
