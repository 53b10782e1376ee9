using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Sample.Tests;

/// <summary>
/// The chat page in headless Debian Chromium (never a downloaded browser), driven by Playwright: two users
/// negotiate through the function, connect to the local service with the browser client from npm, and one user's
/// message reaches the other. A screenshot is kept under the test output folder.
/// </summary>
public class BrowserChatTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    {
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    };

    [Fact]
    public async Task ChatPage_TwoBrowserUsers_ExchangeAMessage()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run `bash build/prerequisites.sh` (installs Debian's chromium).");
        await using var sample = await SampleHost.StartAsync(new[] { "--urls", "http://127.0.0.1:0" });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });

        var alice = await OpenChatAsync(browser, sample, "alice");
        var bob = await OpenChatAsync(browser, sample, "bob");
        await alice.FillAsync("#message", "hello from the browser");
        await alice.ClickAsync("#sendButton");

        var received = bob.Locator("#messages li", new PageLocatorOptions { HasTextString = "hello from the browser" });
        await received.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Equal("alice", await received.Locator("b").InnerTextAsync());
        Assert.EndsWith("hello from the browser", await received.InnerTextAsync());
        Assert.Contains("alice", sample.LocalService!.ConnectedUserIds);

        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await bob.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "chat-bob.png"), FullPage = true });
        Assert.True(new FileInfo(Path.Combine(screenshots, "chat-bob.png")).Length > 1000);
    }

    private static async Task<IPage> OpenChatAsync(IBrowser browser, SampleHost sample, string user)
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
        await page.GotoAsync(sample.BaseUri.ToString());
        await page.FillAsync("#user", user);
        await page.ClickAsync("#connect");
        try
        {
            await page.Locator("#status.connected").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"{user} did not connect: {await page.Locator("#status").InnerTextAsync()} | console: {string.Join(" | ", errors)}");
        }

        // The page shows the user id the local service read from the token our function minted.
        Assert.StartsWith("Connected as " + user + " ", await page.Locator("#status").InnerTextAsync());
        return page;
    }
}
