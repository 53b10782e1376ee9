using Microsoft.Extensions.Hosting;

// The two HTTP models of the isolated worker: built-in (HttpRequestData/HttpResponseData over gRPC) and ASP.NET Core
// integration (the host forwards the HTTP request to the worker's own Kestrel).
var host = new HostBuilder()
#if ASPNETCORE
    .ConfigureFunctionsWebApplication()
#else
    .ConfigureFunctionsWorkerDefaults()
#endif
    .Build();

host.Run();
