using LlmOrleans.ServiceDefaults;
using LlmOrleans.Silo.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddLlmSilo();
builder.AddKafkaJobIngestion();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
