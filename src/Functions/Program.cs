using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pilot.Functions.Telemetry;
using Pilot.Shared;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddPilot(builder.Configuration).AddPilotTelemetry(builder.Configuration);
builder.Build().Run();
