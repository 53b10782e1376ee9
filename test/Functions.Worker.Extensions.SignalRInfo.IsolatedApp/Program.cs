using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
#if ASPNETCORE
using IsolatedApp;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
#endif

// The two HTTP models of the isolated worker: built-in (HttpRequestData/HttpResponseData over gRPC) and ASP.NET Core
// integration (the host forwards the HTTP request to the worker's own Kestrel).
var host = new HostBuilder()
#if ASPNETCORE
    .ConfigureFunctionsWebApplication(worker => worker.Use(next => async context =>
    {
        // The app's own authentication (here a test scheme) sets HttpContext.User before the function runs.
        var http = context.GetHttpContext();
        if (http is not null)
        {
            var result = await http.AuthenticateAsync(TestAuthenticationHandler.SchemeName);
            if (result.Succeeded)
            {
                http.User = result.Principal!;
            }
        }

        await next(context);
    }))
#else
    .ConfigureFunctionsWorkerDefaults()
#endif
    .ConfigureServices(services =>
    {
        // Negotiating in code: the same settings as the binding (AzureSignalRConnectionString), from the worker's configuration.
        services.AddSignalRNegotiator();
#if ASPNETCORE
        services.AddAuthentication(TestAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
#endif
    })
    .Build();

host.Run();
