using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Pilot.Functions.Hosting;

FunctionsApplication.CreateBuilder(args).AddPilotWorker().Build().Run();
