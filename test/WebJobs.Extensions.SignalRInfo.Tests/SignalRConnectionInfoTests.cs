using Xunit;

namespace WebJobs.Extensions.SignalRInfo.Tests;

public class SignalRConnectionInfoTests
{
    [Fact]
    public void SystemTextJson_WritesCamelCaseNames()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new SignalRConnectionInfo { Url = "https://a/client/?hub=chat", AccessToken = "t" });

        Assert.Equal("{\"url\":\"https://a/client/?hub=chat\",\"accessToken\":\"t\"}", json);
    }

    [Fact]
    public void NewtonsoftJson_WritesCamelCaseNames()
    {
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(new SignalRConnectionInfo { Url = "https://a/client/?hub=chat", AccessToken = "t" });

        Assert.Equal("{\"url\":\"https://a/client/?hub=chat\",\"accessToken\":\"t\"}", json);
    }

    [Fact]
    public void SystemTextJson_ReadsCamelCaseNames()
    {
        var info = System.Text.Json.JsonSerializer.Deserialize<SignalRConnectionInfo>("{\"url\":\"u\",\"accessToken\":\"t\"}")!;

        Assert.Equal(("u", "t"), (info.Url, info.AccessToken));
    }
}
