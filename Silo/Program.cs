using LlmOrleans.ServiceDefaults;
using LlmOrleans.Silo.Extensions;
using Orleans.Dashboard;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddLlmSilo();
builder.AddKafkaJobIngestion();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOrleansDashboard("/dashboard");

app.Run();
