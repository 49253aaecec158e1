using LlmOrleans.Gateway.Api;
using LlmOrleans.Gateway.Extensions;
using LlmOrleans.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddLlmClusterClient();
builder.AddJobsApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapJobsApi();

app.Run();
