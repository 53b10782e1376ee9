using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace WebJobs.Extensions.SignalRInfo.Tests;

/// <summary>
/// Routing modes over fixed endpoint sets: distributions within a chi-square bound (fixed sample sizes and a fixed
/// seed, so a run repeats exactly; the bound is the 99.9th percentile for the degrees of freedom), and rendezvous
/// hashing's stability when an endpoint is added or removed.
/// </summary>
public sealed class EndpointRouterTests
{
    private const int Draws = 30_000;
    private const int Seed = 20261202;
    private readonly ITestOutputHelper _output;

    public EndpointRouterTests(ITestOutputHelper output) => _output = output;

    private static EndpointTestSet Three() => new(("a", SignalREndpointType.Primary), ("b", SignalREndpointType.Primary), ("c", SignalREndpointType.Primary));

    [Fact]
    public void Random_SpreadsEvenlyOverOnlinePrimaries()
    {
        var set = Three();
        var router = new EndpointRouter(new SignalRRoutingOptions(), null, Seed);

        var counts = Count(() => router.Order(set.Endpoints, "chat", null)[0].Name);

        AssertChiSquare(counts, new Dictionary<string, double> { ["a"] = 1, ["b"] = 1, ["c"] = 1 }, "random");
    }

    [Fact]
    public void Weighted_FollowsTheWeights()
    {
        var set = Three();
        var options = new SignalRRoutingOptions { Mode = SignalRRoutingMode.Weighted };
        options.Weights["a"] = 1;
        options.Weights["b"] = 2;
        options.Weights["c"] = 5;
        var router = new EndpointRouter(options, null, Seed);

        var counts = Count(() => router.Order(set.Endpoints, "chat", "u")[0].Name);

        AssertChiSquare(counts, new Dictionary<string, double> { ["a"] = 1, ["b"] = 2, ["c"] = 5 }, "weighted 1:2:5");
    }

    [Fact]
    public void Weighted_ZeroWeight_NeverChosenWhileOthersAreOnline()
    {
        var set = Three();
        var options = new SignalRRoutingOptions { Mode = SignalRRoutingMode.Weighted };
        options.Weights["b"] = 0;
        var router = new EndpointRouter(options, null, Seed);

        var counts = Count(() => router.Order(set.Endpoints, "chat", null)[0].Name);

        Assert.False(counts.ContainsKey("b"));
    }

    [Fact]
    public void UserHash_SpreadsUsersEvenlyAndKeepsEachUserOnOneEndpoint()
    {
        var set = Three();
        var router = new EndpointRouter(new SignalRRoutingOptions { Mode = SignalRRoutingMode.UserHash }, null, Seed);
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < Draws; i++)
        {
            var user = "user-" + i;
            var first = router.Order(set.Endpoints, "chat", user)[0].Name;
            Assert.Equal(first, router.Order(set.Endpoints, "other-hub", user)[0].Name);
            counts[first] = counts.GetValueOrDefault(first) + 1;
        }

        AssertChiSquare(counts, new Dictionary<string, double> { ["a"] = 1, ["b"] = 1, ["c"] = 1 }, "userHash");
    }

    [Fact]
    public void UserHash_EndpointAdded_OnlyUsersThatNowBelongToItMove()
    {
        var three = Three();
        var four = new EndpointTestSet(("a", SignalREndpointType.Primary), ("b", SignalREndpointType.Primary), ("c", SignalREndpointType.Primary), ("d", SignalREndpointType.Primary));
        var router = new EndpointRouter(new SignalRRoutingOptions { Mode = SignalRRoutingMode.UserHash }, null, Seed);

        var moved = 0;
        for (var i = 0; i < Draws; i++)
        {
            var before = router.Order(three.Endpoints, "chat", "user-" + i)[0].Name;
            var after = router.Order(four.Endpoints, "chat", "user-" + i)[0].Name;
            if (before != after)
            {
                Assert.Equal("d", after);
                moved++;
            }
        }

        // About a quarter move, all of them to the new endpoint.
        _output.WriteLine($"MEASURE userHash add: {moved} of {Draws} users moved ({100.0 * moved / Draws:0.0}%, ideal 25%)");
        Assert.InRange(moved, Draws * 0.22, Draws * 0.28);
    }

    [Fact]
    public void UserHash_EndpointOffline_OnlyItsUsersMove()
    {
        var set = Three();
        var router = new EndpointRouter(new SignalRRoutingOptions { Mode = SignalRRoutingMode.UserHash }, null, Seed);
        var before = Enumerable.Range(0, Draws).Select(i => router.Order(set.Endpoints, "chat", "user-" + i)[0].Name).ToArray();

        set["b"].Health.ReportProbeFailure("down");
        set["b"].Health.ReportProbeFailure("down");
        Assert.False(set["b"].Health.IsOnline);

        var moved = 0;
        for (var i = 0; i < Draws; i++)
        {
            var after = router.Order(set.Endpoints, "chat", "user-" + i)[0].Name;
            if (before[i] == "b")
            {
                Assert.NotEqual("b", after);
                moved++;
            }
            else
            {
                Assert.Equal(before[i], after);
            }
        }

        _output.WriteLine($"MEASURE userHash remove: {moved} of {Draws} users moved (those of the removed endpoint only)");
    }

    [Fact]
    public void UserHash_NoUserId_IsRandom()
    {
        var set = Three();
        var router = new EndpointRouter(new SignalRRoutingOptions { Mode = SignalRRoutingMode.UserHash }, null, Seed);

        var counts = Count(() => router.Order(set.Endpoints, "chat", null)[0].Name);

        AssertChiSquare(counts, new Dictionary<string, double> { ["a"] = 1, ["b"] = 1, ["c"] = 1 }, "userHash without user");
    }

    [Fact]
    public void Priority_TakesTheFirstOnlineOfTheOrder()
    {
        var set = Three();
        var options = new SignalRRoutingOptions { Mode = SignalRRoutingMode.Priority };
        options.Order.Add("c");
        options.Order.Add("a");
        var router = new EndpointRouter(options, null, Seed);

        Assert.Equal(new[] { "c", "a", "b" }, router.Order(set.Endpoints, "chat", null).Select(e => e.Name));

        set["c"].Health.ReportProbeFailure("down");
        set["c"].Health.ReportProbeFailure("down");

        Assert.Equal(new[] { "a", "b", "c" }, router.Order(set.Endpoints, "chat", null).Select(e => e.Name));
    }

    [Fact]
    public void Secondary_TakesClientsOnlyWhenNoPrimaryIsOnline()
    {
        var set = new EndpointTestSet(("p", SignalREndpointType.Primary), ("s", SignalREndpointType.Secondary));
        var router = new EndpointRouter(new SignalRRoutingOptions(), null, Seed);

        Assert.All(Enumerable.Range(0, 200), _ => Assert.Equal("p", router.Order(set.Endpoints, "chat", null)[0].Name));

        set["p"].Health.ReportProbeFailure("down");
        set["p"].Health.ReportProbeFailure("down");

        Assert.Equal(new[] { "s", "p" }, router.Order(set.Endpoints, "chat", null).Select(e => e.Name));
    }

    [Fact]
    public void NothingOnline_OrderIsEmpty()
    {
        var set = Three();
        foreach (var endpoint in set.Endpoints)
        {
            endpoint.Health.ReportProbeFailure("down");
            endpoint.Health.ReportProbeFailure("down");
        }

        Assert.Empty(new EndpointRouter(new SignalRRoutingOptions(), null, Seed).Order(set.Endpoints, "chat", null));
    }

    [Fact]
    public void CustomRouter_ChoosesTheFirst_TheRestFollowAsFallbacks()
    {
        var set = Three();
        var router = new EndpointRouter(new SignalRRoutingOptions(), new ByUserPrefix(), Seed);

        Assert.Equal(new[] { "c", "a", "b" }, router.Order(set.Endpoints, "chat", "c-user").Select(e => e.Name));
        Assert.Contains(router.Order(set.Endpoints, "chat", "nobody")[0].Name, new[] { "a", "b", "c" });
    }

    [Fact]
    public void CustomRouter_ReturningAForeignEndpoint_FailsNamingTheRouter()
    {
        var set = Three();
        var router = new EndpointRouter(new SignalRRoutingOptions(), new Foreign(), Seed);

        var error = Assert.Throws<InvalidOperationException>(() => router.Order(set.Endpoints, "chat", null));

        Assert.Contains(typeof(Foreign).FullName!, error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, int> Count(Func<string> draw)
    {
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < Draws; i++)
        {
            var name = draw();
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        return counts;
    }

    private void AssertChiSquare(Dictionary<string, int> counts, Dictionary<string, double> weights, string what)
    {
        var total = weights.Values.Sum();
        var chi = 0.0;
        foreach (var (name, weight) in weights)
        {
            var expected = Draws * weight / total;
            var observed = counts.GetValueOrDefault(name);
            chi += (observed - expected) * (observed - expected) / expected;
        }

        // 99.9th percentiles of chi-square: 13.82 for 2 degrees of freedom.
        var bound = weights.Count == 3 ? 13.82 : throw new ArgumentException("only three endpoints are tabulated");
        _output.WriteLine($"MEASURE {what}: {string.Join(", ", weights.Keys.Select(k => k + "=" + counts.GetValueOrDefault(k)))} of {Draws}; chi-square {chi:0.00} (bound {bound})");
        Assert.True(chi < bound, $"{what}: chi-square {chi:0.00} ≥ {bound}: {string.Join(", ", counts.Select(c => c.Key + "=" + c.Value))}");
    }

    private sealed class ByUserPrefix : ISignalREndpointRouter
    {
        public SignalREndpoint? ChooseEndpoint(string hubName, string? userId, IReadOnlyList<SignalREndpoint> endpoints) =>
            userId is null ? null : endpoints.FirstOrDefault(e => e.Endpoint.StartsWith("https://" + userId[0], StringComparison.Ordinal));
    }

    private sealed class Foreign : ISignalREndpointRouter
    {
        public SignalREndpoint? ChooseEndpoint(string hubName, string? userId, IReadOnlyList<SignalREndpoint> endpoints) => new() { Name = "x", Endpoint = "https://x" };
    }
}
