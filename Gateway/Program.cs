using LlmOrleans.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddGatewayHost();

var app = builder.Build();

app.MapGatewayHost();

app.Run();
