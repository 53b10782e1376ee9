using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace Functions.Worker.Extensions.SignalRInfo.EndToEndTests;

/// <summary>
/// The npm <c>@microsoft/signalr</c> browser client in headless Debian Chromium (never a downloaded browser), driven by
/// Playwright: a page served by the stand-in host negotiates through the isolated worker's functions (alice through the
/// POCO-returning one, bob through the string-returning one), follows the redirect to the local service, and one user's
/// message reaches the other. Both HTTP models. A screenshot is kept under the test output folder.
/// </summary>
[Collection(IsolatedAppsCollection.Name)]
public sealed class BrowserClientTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    {
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    };

    private const string Page = """
        <!doctype html>
        <html>
        <head><meta charset="utf-8"><title>negotiate through the isolated worker</title></head>
        <body>
          <p id="status">connecting…</p>
          <ul id="messages"></ul>
          <script src="signalr.min.js"></script>
          <script>
            const params = new URLSearchParams(location.search);
            const user = params.get("user");
            const connection = new signalR.HubConnectionBuilder()
              .withUrl("/" + params.get("route") + "?user=" + encodeURIComponent(user))
              .configureLogging(signalR.LogLevel.Warning)
              .build();
            connection.on("newMessage", (from, message) => {
              const item = document.createElement("li");
              item.textContent = from + ": " + message;
              document.getElementById("messages").appendChild(item);
            });
            connection.start()
              .then(() => connection.invoke("whoAmI"))
              .then((me) => {
                const status = document.getElementById("status");
                status.textContent = "connected as " + me;
                status.className = "connected";
              })
              .catch((err) => { document.getElementById("status").textContent = "error: " + err; });
            window.send = (text) => connection.invoke("broadcast", user, text);
          </script>
        </body>
        </html>
        """;

    private readonly IsolatedAppsFixture _apps;

    public BrowserClientTests(IsolatedAppsFixture apps)
    {
        _apps = apps;
    }

    [Theory]
    [InlineData(HttpModel.BuiltIn)]
    [InlineData(HttpModel.AspNetCore)]
    public async Task BrowserClients_NegotiateThroughTheWorker_AndExchangeAMessage(HttpModel model)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run `bash build/prerequisites.sh` (installs Debian's chromium).");
        var client = Path.Combine(RepositoryPaths.Root, "src", "WebJobs.Extensions.SignalRInfo.Sample", "node_modules", "@microsoft", "signalr", "dist", "browser", "signalr.min.js");
        Assert.True(File.Exists(client), $"{client} is missing: run `bash build/prerequisites.sh` (installs the npm SignalR client).");
        var site = Path.Combine(_apps.Scratch, "site-" + model);
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "index.html"), Page);
        File.Copy(client, Path.Combine(site, "signalr.min.js"), overwrite: true);

        await using var host = await StandInFunctionsHost.StartAsync(_apps.Get(model), staticFolder: site);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });

        var alice = await OpenAsync(browser, host, "alice", "api/chat");
        var bob = await OpenAsync(browser, host, "bob", "api/chatstring");
        await alice.EvaluateAsync("text => window.send(text)", "hello from a browser via " + model);

        var received = bob.Locator("#messages li", new PageLocatorOptions { HasTextString = "hello from a browser via " + model });
        await received.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Equal("alice: hello from a browser via " + model, await received.InnerTextAsync());
        Assert.Contains("alice", host.LocalService.ConnectedUserIds);

        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        var shot = Path.Combine(screenshots, $"isolated-{model}-bob.png");
        await bob.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 1000);
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, StandInFunctionsHost host, string user, string route)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Enqueue(message.Text);
            }
        };
        await page.GotoAsync(new Uri(host.BaseUri, $"index.html?user={user}&route={route}").ToString());
        try
        {
            await page.Locator("#status.connected").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"{user} did not connect: {await page.Locator("#status").InnerTextAsync()} | console: {string.Join(" | ", errors)} | host: {host.Diagnostics}");
        }

        // The service read the user id from the token our host extension minted for the worker's function.
        Assert.Equal("connected as " + user, await page.Locator("#status").InnerTextAsync());
        return page;
    }
}
