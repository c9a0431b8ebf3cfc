using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pilot.Functions;
using Pilot.Functions.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddPilotFunctions(builder.Configuration).AddPilotTelemetry(builder.Configuration);
builder.Build().Run();
